package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Executes real notebooks headless through {@code frameloop notebook run} with Debian's Jupyter. */
class NotebookRunCommandTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Path ROOT = Path.of(System.getProperty("frameloop.root", ".."));

    private record Run(int exitCode, String out, String err) {
    }

    private static Run frameloop(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldRunTheSmokeNotebookAndKeepItsHtmlTableAndPngChart(@TempDir Path dir) throws Exception {
        JupyterAvailability.require();
        Path executed = dir.resolve("smoke-out.ipynb");
        Run run = frameloop("notebook", "run", ROOT.resolve("notebooks/00-kernel-smoke.ipynb").toString(),
                "--out", executed.toString(), "--timeout", "2m");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 of 5 code cells ran without error"), run.out());

        List<JsonNode> results = new ArrayList<>();
        new ObjectMapper().readTree(executed.toFile()).path("cells").forEach(cell ->
                cell.path("outputs").forEach(o -> results.add(o.path("data"))));
        assertEquals(5, results.size(), results.toString());
        assertEquals("frames: 3", text(results.get(0).path("text/plain")));
        assertEquals("6", text(results.get(1).path("text/plain")));
        assertEquals("124", text(results.get(2).path("text/plain")));
        String html = text(results.get(3).path("text/html"));
        assertTrue(html.contains("<th>frame</th><th>ms</th><th>note</th>"), html);
        assertTrue(html.contains("<td>&lt;stutter&gt;</td>"), html);
        byte[] png = Base64.getMimeDecoder().decode(text(results.get(4).path("image/png")));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
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

    @Test
    void shouldFailNamingTheCellAndLineOfAnError(@TempDir Path dir) throws Exception {
        JupyterAvailability.require();
        Path nb = Files.writeString(dir.resolve("failing.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "frameloop-java", "display_name": "Java (frameloop)", "language": "java"}},
                 "cells": [
                  {"cell_type": "code", "id": "a", "metadata": {}, "execution_count": null, "outputs": [],
                   "source": "int ok = 1;"},
                  {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": null, "outputs": [],
                   "source": "int x = ok;\\n\\nString s = null;\\nint n = s.length();\\n"},
                  {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null, "outputs": [],
                   "source": "int never = 3;"}]}
                """);
        Path executed = dir.resolve("failing-out.ipynb");
        Run run = frameloop("notebook", "run", nb.toString(), "--out", executed.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("cell 2 (In [2]) failed:"), run.err());
        assertTrue(run.err().contains("java.lang.NullPointerException"), run.err());
        assertTrue(run.err().contains("(at line 4)"), run.err());
        assertTrue(run.err().contains("frameloop notebook run: cell 2 failed:"), run.err());
        JsonNode cells = new ObjectMapper().readTree(executed.toFile()).path("cells");
        assertTrue(cells.get(2).path("execution_count").isNull(), "the cell after the failing one must not run");
    }

    @Test
    void shouldRefuseAMissingNotebook(@TempDir Path dir) {
        Run run = frameloop("notebook", "run", dir.resolve("absent.ipynb").toString());
        assertEquals(4, run.exitCode());
        assertTrue(run.err().contains("absent.ipynb does not exist"), run.err());
    }

    @Test
    void shouldListTheVisibleSubcommandsInHelp() {
        Run run = frameloop("notebook", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("install-kernel"), run.out());
        assertTrue(run.out().contains("run"), run.out());
        assertFalse(run.out().lines().anyMatch(l -> l.strip().startsWith("kernel ")), run.out());
    }
}
