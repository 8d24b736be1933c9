package dev.frameloop.collector.bpf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogTailTest {
    private static final String VERIFIER_LOG = "0: R1=ctx() R10=fp0\n"
            + "3: (85) call scx_bpf_create_dsq#109264\n"
            + "program must be sleepable to call sleepable kfunc scx_bpf_create_dsq\n"
            + "processed 3 insns (limit 1000000)\n";

    @Test
    void shouldKeepTheLastLines() {
        assertEquals("program must be sleepable to call sleepable kfunc scx_bpf_create_dsq\nprocessed 3 insns (limit 1000000)",
                LogTail.lastLines(VERIFIER_LOG, 2));
    }

    @Test
    void shouldKeepEverythingWhenTheLogIsShorter() {
        assertEquals(VERIFIER_LOG.stripTrailing(), LogTail.lastLines(VERIFIER_LOG, 40));
    }

    @Test
    void shouldKeepOneLine() {
        assertEquals("processed 3 insns (limit 1000000)", LogTail.lastLines(VERIFIER_LOG, 1));
    }

    @Test
    void shouldGiveNothingForAnEmptyLog() {
        assertEquals("", LogTail.lastLines("", 3));
    }

    @Test
    void shouldRejectANonPositiveLineCount() {
        assertThrows(IllegalArgumentException.class, () -> LogTail.lastLines(VERIFIER_LOG, 0));
    }
}
