package dev.frameloop.ml.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookRunnerTest {
    private static final String EMPTY_NOTEBOOK = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}";

    private static NotebookRunner.Request request(Path notebook) {
        return new NotebookRunner.Request(notebook, Optional.empty(), Optional.empty(), Duration.ofMinutes(1), "frameloop-java");
    }

    @Test
    void shouldNameAMissingNotebook(@TempDir Path dir) {
        Path missing = dir.resolve("nope.ipynb");
        UserFacingException e = assertThrows(UserFacingException.class, () ->
                new NotebookRunner(System.getenv()).run(request(missing)));
        assertEquals(ExitCodes.IO_ERROR, e.exitCode());
        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
    }

    @Test
    void shouldSayWhereANotebookIsNotJson(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.ipynb"), "{\n  \"cells\": [,\n}");
        UserFacingException e = assertThrows(UserFacingException.class, () ->
                new NotebookRunner(System.getenv()).run(request(broken)));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("is not a Jupyter notebook: invalid JSON at line 2"), e.getMessage());
    }

    @Test
    void shouldRefuseJsonThatIsNotANotebook(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("other.ipynb"), "{\"cells\": 3}");
        UserFacingException e = assertThrows(UserFacingException.class, () ->
                new NotebookRunner(System.getenv()).run(request(other)));
        assertTrue(e.getMessage().contains("expected a JSON object with \"nbformat\": 4"), e.getMessage());
    }

    @Test
    void shouldSayWhichPackagesToInstallWhenJupyterIsMissing(@TempDir Path dir) throws Exception {
        Path nb = Files.writeString(dir.resolve("empty.ipynb"), EMPTY_NOTEBOOK);
        Path emptyBin = Files.createDirectories(dir.resolve("bin"));
        UserFacingException e = assertThrows(UserFacingException.class, () ->
                new NotebookRunner(Map.of("PATH", emptyBin.toString(), "HOME", dir.toString())).run(request(nb)));
        assertEquals(ExitCodes.UNAVAILABLE, e.exitCode());
        assertTrue(e.getMessage().contains("install Debian packages jupyter-nbconvert python3-nbclient (or run bin/setup)"), e.getMessage());
    }

    @Test
    void shouldFindTheFirstErrorOutputOfAnExecutedNotebook() throws Exception {
        String executed = """
                {"nbformat": 4, "cells": [
                  {"cell_type": "markdown", "source": "x"},
                  {"cell_type": "code", "execution_count": 1, "outputs": [{"output_type": "execute_result", "data": {}}]},
                  {"cell_type": "code", "execution_count": 2, "outputs": [
                    {"output_type": "error", "ename": "CellEvaluationException", "evalue": "line 3: cannot find symbol",
                     "traceback": ["\\u001b[31mCompilation error at line 3\\u001b[0m", "   3 | x"]}]}]}
                """;
        NotebookRunner.CellFailure f = NotebookRunner.firstFailure(new ObjectMapper().readTree(executed)).orElseThrow();
        assertEquals(2, f.index());
        assertEquals(Optional.of(2), f.executionCount());
        assertEquals("line 3: cannot find symbol", f.value());
        assertEquals(List.of("Compilation error at line 3", "   3 | x"), f.traceback());
    }
}
