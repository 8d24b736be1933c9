package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.SchedulerExitInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopReasonTest {

    @Test
    void shouldSayTheDurationRanOut() {
        StopReason r = StopReason.byDuration(Duration.ofSeconds(5));

        assertEquals("stopped by duration (5s)", r.toString());
        assertFalse(r.isEjection());
    }

    @Test
    void shouldNameTheSignal() {
        assertEquals("stopped by user (SIGINT)", StopReason.byUser("SIGINT").toString());
        assertFalse(StopReason.byUser("SIGTERM").isEjection());
    }

    @Test
    void shouldGiveTheKernelsReasonForAnEjection() {
        SchedulerExitInfo stall = new SchedulerExitInfo(1026, 0, 0, "runnable task stall", "sh[311] failed to run for 31.2s");
        StopReason r = StopReason.ejected(Optional.of(stall), "disabled");

        assertTrue(r.isEjection());
        assertEquals("ejected by the kernel: ERROR_STALL: runnable task stall (sh[311] failed to run for 31.2s)", r.toString());
        assertEquals(Optional.of(stall), r.ejection());
    }

    @Test
    void shouldSayWhenAnEjectionLeftNoRecord() {
        assertEquals("ejected by the kernel: no exit record (sched_ext state is 'disabled')",
                StopReason.ejected(Optional.empty(), "disabled").toString());
    }
}
