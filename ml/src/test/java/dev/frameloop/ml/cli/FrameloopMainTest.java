package dev.frameloop.ml.cli;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameloopMainTest {


    @Test
    void shouldListSchedAndDoctor() {
        CliRun run = new CliRun("--help");

        assertEquals(0, run.exitCode);
        assertTrue(run.out.toString().contains("sched "), run.out.toString());
        assertTrue(run.out.toString().contains("doctor "), run.out.toString());
    }

    @Test
    void shouldExplainDoctorsOptionsInHelp() {
        CliRun run = new CliRun("doctor", "--help");

        assertEquals(0, run.exitCode);
        assertTrue(run.out.toString().contains("--json"), run.out.toString());
        assertTrue(run.out.toString().contains("found by trying"), run.out.toString());
    }

    @Test
    void shouldRejectADurationWithoutUnitAsUsageError() {
        CliRun run = new CliRun("sched", "--duration", "5");

        assertEquals(2, run.exitCode);
        assertTrue(run.err.toString().contains("invalid duration '5'"), run.err.toString());
    }

    @Test
    void shouldListBenchRingAndExplainItsOptions() {
        assertTrue(new CliRun("--help").out.toString().contains("bench "));
        CliRun run = new CliRun("bench", "ring", "--help");

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
        CliRun run = new CliRun("bench", "ring", "--size", "8");

        assertEquals(2, run.exitCode);
        assertTrue(run.err.toString().contains("--size must be in [16, 65536] bytes"), run.err.toString());
    }
}
