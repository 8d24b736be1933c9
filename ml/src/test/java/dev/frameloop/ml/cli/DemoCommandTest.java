package dev.frameloop.ml.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shouldExplainItsStepsAndOptions() {
        CliRun run = new CliRun("demo", "--help");

        assertEquals(0, run.exitCode, run.toString());
        for (String expected : new String[] {"--out", "--quick", "--sessions", "--session-duration", "--duration", "--repeats",
                "--background", "--steps", "--dry-run", "frameloop vm", "gamer+model", "TCG"}) {
            assertTrue(run.out.toString().contains(expected), "help mentions " + expected + ":\n" + run.out);
        }
        assertTrue(new CliRun("--help").out.toString().contains("demo "), "the root lists demo");
    }

    @Test
    void shouldPrintEveryNumberedStepAndItsCommandsInADryRun() {
        Path out = tmp.resolve("d");

        CliRun run = new CliRun("demo", "--dry-run", "--quick", "--out", out.toString());

        assertEquals(0, run.exitCode, run.toString());
        String text = run.out.toString();
        for (int i = 1; i <= 6; i++) {
            assertTrue(text.contains("step " + i + "/6: "), "step " + i + ":\n" + text);
        }
        assertTrue(text.contains("$ frameloop experiment --arms default,gamer,gamer+model=" + out.resolve("models/thread-role")), text);
        assertTrue(text.contains("$ frameloop record --mode scheduler"), text);
        assertFalse(Files.exists(out), "a dry run makes nothing");
    }

    @Test
    void shouldRefuseAFolderThatHoldsSomething() throws IOException {
        Files.writeString(tmp.resolve("old.txt"), "x");

        CliRun run = new CliRun("demo", "--out", tmp.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("is not empty"), run.toString());
    }

    @Test
    void shouldRefuseTrainingWithoutSessions() {
        CliRun run = new CliRun("demo", "--steps", "train-roles", "--out", tmp.resolve("none").toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("add the record step"), run.toString());
    }

    @Test
    void shouldRefuseBadOptionsAsUsageErrors() {
        String out = tmp.resolve("x").toString();
        CliRun steps = new CliRun("demo", "--steps", "record,fly", "--out", out);
        assertEquals(2, steps.exitCode, steps.toString());
        assertTrue(steps.err.toString().contains("step 'fly' is unknown"), steps.toString());
        assertEquals(2, new CliRun("demo", "--sessions", "1", "--out", out).exitCode);
        assertEquals(2, new CliRun("demo", "--background", "gpu:1", "--out", out).exitCode);
        assertEquals(2, new CliRun("demo", "--duration", "soon", "--out", out).exitCode);
    }

    @Test
    void shouldSayThereIsNoExperimentToSummarise() {
        CliRun run = new CliRun("demo", "--steps", "report", "--out", tmp.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("run the experiment step first"), run.toString());
    }
}
