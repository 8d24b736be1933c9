package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = FrameloopMain.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(args);
            return new Run(code, out.toString(), err.toString());
        }
    }

    @Test
    void shouldExplainItsOptionsDefaultsAndUnits() {
        Run run = Run.of("experiment", "--help");

        assertEquals(0, run.exitCode());
        for (String expected : new String[] {"--workload", "--synthgame-args", "--background", "--arms", "--duration",
                "--repeats", "--bootstrap", "--confidence", "--seed", "--vm", "--out", "mem:SIZE", "gamer+model=MODEL_DIR",
                "MangoHud", "CapFrameX", "report.html", "excludes zero"}) {
            assertTrue(run.out().contains(expected), "help mentions " + expected + ":\n" + run.out());
        }
        assertTrue(Run.of("--help").out().contains("experiment "));
    }

    @Test
    void shouldRejectBadSpecsAsUsageErrors() {
        Path out = tmp.resolve("x");
        assertEquals(2, Run.of("experiment", "--arms", "default,turbo", "--out", out.toString()).exitCode());
        Run background = Run.of("experiment", "--background", "gpu:1", "--out", out.toString());
        assertEquals(2, background.exitCode());
        assertTrue(background.err().contains("kinds: cpu, fork, io, mem"), background.err());
        assertEquals(2, Run.of("experiment", "--synthgame-args", "--fps 30", "--out", out.toString(), "--", "true").exitCode());
        assertEquals(2, Run.of("experiment", "--repeats", "0", "--out", out.toString()).exitCode());
        assertEquals(2, Run.of("experiment").exitCode(), "--out is required");
        Run bootstrap = Run.of("experiment", "--bootstrap", "50", "--out", out.toString());
        assertEquals(2, bootstrap.exitCode());
        assertTrue(bootstrap.err().contains("at least 100"), bootstrap.err());
        assertEquals(2, Run.of("experiment", "--confidence", "1.5", "--out", out.toString()).exitCode());
        assertFalse(Files.exists(out), "nothing ran: no output folder");
    }

    @Test
    void shouldRefuseAFolderThatHoldsSomething() throws IOException {
        Files.writeString(tmp.resolve("old.txt"), "x");

        Run run = Run.of("experiment", "--arms", "default", "--out", tmp.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not empty"), run.err());
    }

    @Test
    void shouldQuoteWordsTheShellWouldSplit() {
        assertEquals("--fps", ExperimentCommand.shellWord("--fps"));
        assertEquals("'--fps 30'", ExperimentCommand.shellWord("--fps 30"));
        assertEquals("'<script>'", ExperimentCommand.shellWord("<script>"));
        assertEquals("'it'\\''s'", ExperimentCommand.shellWord("it's"));
    }

    @Test
    void shouldRunTheDefaultArmOnThisHostAndReportItsFrames() throws IOException {
        Path out = tmp.resolve("exp");

        Run run = Run.of("experiment", "--arms", "default", "--duration", "1s", "--repeats", "2", "--bootstrap", "200",
                "--synthgame-args", "--fps 30 --work-us 500 --input-hz 0 --audio-device none --shaders 0 --assets 0",
                "--out", out.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(2, results.path("runs").size());
        for (JsonNode r : results.path("runs")) {
            assertEquals("OK", r.path("status").asText(), r.toString());
            assertTrue(r.path("frames").asInt() > 0, r.toString());
            assertTrue(Files.exists(out.resolve("runs").resolve(r.path("dir").asText()).resolve("ground-truth/frames.csv")));
        }
        assertEquals(results.path("runs").get(0).path("frames").asLong() + results.path("runs").get(1).path("frames").asLong(),
                results.path("arms").get(0).path("frames").asLong());
        assertTrue(Files.readString(out.resolve("report.md")).contains("frameloop experiment --arms default"));
        assertTrue(run.out().contains("report: " + out.resolve("report.html")), run.out());
    }

    @Test
    void shouldRunACommandWorkloadAndSayItHasNoGroundTruth() throws IOException {
        Path out = tmp.resolve("cmd");

        Run run = Run.of("experiment", "--arms", "default", "--duration", "1s", "--repeats", "1", "--bootstrap", "200",
                "--out", out.toString(), "--", "sh", "-c", "echo ran > /dev/null");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("sh -c echo ran > /dev/null", results.path("workload").asText());
        assertEquals("OK", results.path("runs").get(0).path("status").asText());
        assertEquals(0, results.path("arms").get(0).path("runs_with_data").asInt());
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("default: no data"), markdown);
    }
}
