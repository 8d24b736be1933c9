package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.ml.fixture.FixtureDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes the analysis notebooks headless with Debian's Jupyter against the fixture dataset
 * (written into {@code ml/target/notebook-fixture}): every cell must run, and show what the
 * fixture holds; a missing or corrupt session shows one error, in the cell that loads it.
 */
class AnalysisNotebooksTest {
    private static final Path ROOT = Path.of(System.getProperty("frameloop.root", "..")).toAbsolutePath().normalize();
    private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    private static final Path FIXTURE = ROOT.resolve("ml/target/notebook-fixture");
    private static final Path EXECUTED = ROOT.resolve("ml/target/notebooks-executed");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void writeFixture() throws IOException {
        deleteRecursively(FIXTURE);
        FixtureDataset.write(FIXTURE);
        Files.createDirectories(EXECUTED);
    }

    @Test
    void shouldExploreTheFixtureSession() throws Exception {
        JupyterAvailability.require();
        Path executed = EXECUTED.resolve("01-explore-session.ipynb");
        Run run = run("01-explore-session.ipynb", FIXTURE, executed);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 of 5 code cells ran without error"), run.out());

        List<JsonNode> results = results(executed);
        assertEquals(5, results.size(), results.toString());
        assertEquals("session " + FixtureDataset.MAIN.value() + " (scheduler, finished on fixture-host): 20.0 s, 1460 events",
                text(results.get(0).path("text/plain")));
        String manifest = text(results.get(1).path("text/plain"));
        assertTrue(manifest.contains("exit:       duration elapsed"), manifest);
        assertTrue(manifest.contains("ring drops: 0, lost: 0"), manifest);
        String counts = text(results.get(2).path("text/html"));
        assertTrue(counts.contains("<td>frame_timing</td><td>1301</td><td>0</td><td>65.05</td>"), counts);
        assertTrue(counts.contains("<td>deadline_miss</td><td>7</td><td>0</td><td>0.35</td>"), counts);
        String threads = text(results.get(3).path("text/html"));
        assertTrue(threads.contains("6 rows × 13 columns"), threads);
        assertTrue(threads.contains("<td>" + FixtureDataset.RENDER_TID + "</td><td>render</td><td>RENDER</td><td>9000</td><td>45</td>"), threads);
        String misses = text(results.get(4).path("text/html"));
        assertTrue(misses.contains("deadline_miss: 7 rows × 9 columns"), misses);
    }

    @Test
    void shouldShowTheFixtureGamesFrameTiming() throws Exception {
        JupyterAvailability.require();
        Path executed = EXECUTED.resolve("02-frame-timing.ipynb");
        Run run = run("02-frame-timing.ipynb", FIXTURE, executed);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 of 5 code cells ran without error"), run.out());

        List<JsonNode> results = results(executed);
        assertEquals(5, results.size(), results.toString());
        assertTrue(text(results.get(0).path("text/html")).contains("<td>" + FixtureDataset.GAME_PID + "</td><td>1201</td>"));
        byte[] png = Base64.getMimeDecoder().decode(text(results.get(1).path("image/png")));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        String summary = text(results.get(2).path("text/html"));
        assertTrue(summary.contains("<td>1% low FPS</td><td>40</td>"), summary);
        assertTrue(summary.contains("<td>0.1% low FPS</td><td>20</td>"), summary);
        String stutters = text(results.get(3).path("text/html"));
        assertTrue(stutters.contains("2 rows × 3 columns"), stutters);
        assertTrue(stutters.contains("<td>401</td>") && stutters.contains("<td>901</td>"), stutters);
        assertEquals("1200 frames, 61.6 FPS average, 1% low 40.0 FPS, 0.1% low 20.0 FPS, 2 stutters",
                text(results.get(4).path("text/plain")));
    }

    @Test
    void shouldShowOneClearErrorWhenTheFolderHoldsNoSession(@TempDir Path empty) throws Exception {
        JupyterAvailability.require();
        Path executed = empty.resolve("out.ipynb");
        Path data = Files.createDirectories(empty.resolve("data"));
        Run run = run("01-explore-session.ipynb", data, executed);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertOneErrorInTheLoadingCell(executed, "dev.frameloop.ml.analysis.SessionLoadException: no session in " + data
                + ": a dataset folder holds session=<id> folders");
    }

    @Test
    void shouldShowOneClearErrorWhenAFileOfTheSessionIsCorrupt(@TempDir Path dir) throws Exception {
        JupyterAvailability.require();
        Path data = FixtureDataset.write(dir.resolve("data"));
        Path tableDir = data.resolve("session=" + FixtureDataset.MAIN.value()).resolve("event=task_stats");
        Path part;
        try (Stream<Path> files = Files.list(tableDir)) {
            part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.write(part, new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0});
        Path executed = dir.resolve("out.ipynb");
        Run run = run("02-frame-timing.ipynb", data, executed);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        String error = assertOneErrorInTheLoadingCell(executed, "dev.frameloop.ml.analysis.SessionLoadException: cannot load session "
                + FixtureDataset.MAIN.value() + " from " + data + ": ");
        assertTrue(error.contains(part.getFileName().toString()), error);
        assertTrue(error.contains("`frameloop fsck`"), error);
    }

    @Test
    void shouldRefuseADataFolderThatDoesNotExistBeforeStartingJupyter(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        Run run = run("01-explore-session.ipynb", missing, dir.resolve("out.ipynb"));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--data " + missing + " is not a directory"), run.err());
    }

    /** The executed notebook holds exactly one error output, in the first code cell, and no later cell ran. */
    private static String assertOneErrorInTheLoadingCell(Path executed, String expectedStart) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(executed.toFile()).path("cells");
        List<String> errors = new ArrayList<>();
        int firstCode = -1;
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            if (firstCode < 0) {
                firstCode = i;
            } else {
                assertTrue(cell.path("execution_count").isNull(), "cell " + (i + 1) + " ran after the failing one");
            }
            for (JsonNode out : cell.path("outputs")) {
                if (out.path("output_type").asText().equals("error")) {
                    errors.add(i + ": " + out.path("evalue").asText());
                }
            }
        }
        assertEquals(1, errors.size(), errors.toString());
        String error = errors.get(0);
        assertTrue(error.startsWith(firstCode + ": " + expectedStart), error);
        return error;
    }

    private static Run run(String notebook, Path data, Path executed) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("notebook", "run", NOTEBOOKS.resolve(notebook).toString(), "--data", data.toString(),
                "--out", executed.toString(), "--timeout", "3m");
        return new Run(code, out.toString(), err.toString());
    }

    /** The data of every output, in order. */
    private static List<JsonNode> results(Path executed) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        new ObjectMapper().readTree(executed.toFile()).path("cells").forEach(cell ->
                cell.path("outputs").forEach(o -> results.add(o.path("data"))));
        return results;
    }

    /** nbformat stores multi-line text as an array of lines. */
    private static String text(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        StringBuilder joined = new StringBuilder();
        value.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
