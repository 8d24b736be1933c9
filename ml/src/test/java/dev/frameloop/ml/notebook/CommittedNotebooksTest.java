package dev.frameloop.ml.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The notebooks in {@code notebooks/} are committed with their outputs cleared and select the frameloop kernel. */
class CommittedNotebooksTest {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("frameloop.root", "..")).resolve("notebooks");

    @Test
    void shouldHaveEveryNotebookClearedAndOnTheFrameloopKernel() throws Exception {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + NOTEBOOKS);
        List<String> problems = new ArrayList<>();
        for (Path nb : notebooks) {
            JsonNode json = new ObjectMapper().readTree(nb.toFile());
            if (!KernelSpec.DEFAULT_NAME.equals(json.path("metadata").path("kernelspec").path("name").asText())) {
                problems.add(nb.getFileName() + ": metadata.kernelspec.name is not " + KernelSpec.DEFAULT_NAME);
            }
            JsonNode cells = json.path("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                if (cell.path("cell_type").asText().equals("code")
                        && (!cell.path("outputs").isEmpty() || !cell.path("execution_count").isNull())) {
                    problems.add(nb.getFileName() + ": cell " + (i + 1) + " has outputs or an execution count");
                }
            }
        }
        assertEquals(List.of(), problems, "clear outputs with: jupyter nbconvert --clear-output --inplace NOTEBOOK");
    }
}
