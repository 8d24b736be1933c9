package dev.frameloop.ml.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopPairingTest {

    /** Trigger seq at kernel time 1000*seq µs, handled 5 µs later, each step 1 µs more, entry stamped at predict's end. */
    private static void handle(LoopSamples samples, long seq, boolean written) {
        long t = seq * 1_000_000;
        samples.received(seq, t, t + 5_000);
        samples.steps(seq, t + 6_000, t + 7_000, t + 8_000, t + 9_000, written ? t + 7_000 : LoopSamples.NOT_WRITTEN);
    }

    @Test
    void shouldPairEachTriggerWithTheEventOfItsEntryAndCountEveryOtherOutcome() {
        LoopSamples samples = new LoopSamples(8);
        samples.plan(0, 4, 1, LoopMode.SPIN);
        samples.plan(4, 4, 0, LoopMode.EPOLL);
        for (long seq = 0; seq < 7; seq++) {
            handle(samples, seq, seq != 5);
        }
        // seq 0 is warmup; 1, 2 applied; 3 missed; 4 applied; 5 unwritten; 6 missed; 7 never read
        long[] entries = {7_000, 1_007_000, 2_007_000, 4_007_000, 4_007_000, 99};
        long[] applied = {10_000, 1_020_000, 2_030_000, 4_012_000, 4_013_000, 100};

        LoopPairing.Result r = LoopPairing.pair(samples, entries, applied);

        assertEquals(new LoopPairing.Counts(3, 2, 1, 0, 0), r.modes().get(LoopMode.SPIN).counts());
        assertEquals(new LoopPairing.Counts(4, 1, 1, 1, 1), r.modes().get(LoopMode.EPOLL).counts());
        assertTrue(r.modes().get(LoopMode.SPIN).counts().accountedFor());
        assertTrue(r.modes().get(LoopMode.EPOLL).counts().accountedFor());
        assertEquals(6, r.applied());
        assertEquals(1, r.duplicates(), "the second event of entry 4_007_000");
        assertEquals(1, r.unmatched(), "entry 99 is no trigger's");
        LoopPairing.ModeLatencies spin = r.modes().get(LoopMode.SPIN);
        assertEquals(2, spin.loop().getTotalCount());
        assertEquals(20_000, spin.loop().getMinValue(), 20);
        assertEquals(30_000, spin.loop().getMaxValue(), 30);
        assertEquals(5_000, spin.parts().get(LoopPart.WAKEUP).getMinValue(), 5);
        assertEquals(1_000, spin.parts().get(LoopPart.MAP_WRITE).getMaxValue(), 1);
        assertEquals(11_000, spin.parts().get(LoopPart.APPLY).getMinValue(), 11);
        assertEquals(21_000, spin.parts().get(LoopPart.APPLY).getMaxValue(), 21);
        assertEquals(12_000, r.modes().get(LoopMode.EPOLL).loop().getMaxValue(), 12);
    }

    @Test
    void shouldSayWhenCountsDoNotAddUp() {
        assertFalse(new LoopPairing.Counts(3, 1, 1, 0, 0).accountedFor());
    }

    @Test
    void shouldRefuseMismatchedAppliedArraysAndSeqsOutsideTheSamples() {
        LoopSamples samples = new LoopSamples(2);
        assertThrows(IllegalArgumentException.class, () -> LoopPairing.pair(samples, new long[1], new long[2]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> samples.received(2, 0, 0));
        assertEquals("trigger seq 2 outside 0..1", e.getMessage());
    }
}
