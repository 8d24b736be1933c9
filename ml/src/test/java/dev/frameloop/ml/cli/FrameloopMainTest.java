package dev.frameloop.ml.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameloopMainTest {

    private static final class Run {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode;

        Run(String... args) {
            CommandLine cli = FrameloopMain.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            exitCode = cli.execute(args);
        }
    }

    @Test
    void shouldListSchedAndDoctor() {
        Run run = new Run("--help");

        assertEquals(0, run.exitCode);
        assertTrue(run.out.toString().contains("sched "), run.out.toString());
        assertTrue(run.out.toString().contains("doctor "), run.out.toString());
    }

    @Test
    void shouldExplainDoctorsOptionsInHelp() {
        Run run = new Run("doctor", "--help");

        assertEquals(0, run.exitCode);
        assertTrue(run.out.toString().contains("--json"), run.out.toString());
        assertTrue(run.out.toString().contains("found by trying"), run.out.toString());
    }

    @Test
    void shouldRejectADurationWithoutUnitAsUsageError() {
        Run run = new Run("sched", "--duration", "5");

        assertEquals(2, run.exitCode);
        assertTrue(run.err.toString().contains("invalid duration '5'"), run.err.toString());
    }

    @Test
    void shouldListBenchRingAndExplainItsOptions() {
        assertTrue(new Run("--help").out.toString().contains("bench "));
        Run run = new Run("bench", "ring", "--help");

        assertEquals(0, run.exitCode);
        String help = run.out.toString();
        for (String option : new String[] {"--events", "--size", "--rounds", "--rates", "--latency-duration", "--json",
                "--ref-consumer", "--[no-]pin"}) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
        assertTrue(help.contains("default: 100000)"), help);
    }

    @Test
    void shouldRejectARecordTooSmallForSeqAndTimestampAsUsageError() {
        Run run = new Run("bench", "ring", "--size", "8");

        assertEquals(2, run.exitCode);
        assertTrue(run.err.toString().contains("--size must be in [16, 65536] bytes"), run.err.toString());
    }
}
