package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCrossCheckTest {
    private static final long[] TRUTH = {1_000_000_000L, 1_016_700_000L, 1_033_300_000L, 1_050_000_000L, 1_083_300_000L};
    private static final long[] NARROW = {1_000, 2_000, 900, 3_000, 1_500}; // ns from present to return

    @Test
    void shouldHoldWhenEveryRecordedIntervalIsWithinFiftyMicrosecondsOfTheGames() {
        // recorded 3 µs before the game's stamps (the uretprobe fires before synthgame reads the clock), ±20 µs jitter
        long[] recorded = {999_997_000L, 1_016_717_000L, 1_033_277_000L, 1_049_997_000L, 1_083_297_000L};
        FrameCrossCheck check = FrameCrossCheck.compare(42, TRUTH, NARROW, recorded);
        assertTrue(check.holds(), check.describe());
        assertEquals(40_000, check.maxDeviationNs());
        assertEquals("holds: pid 42: 5 frames recorded, 5 presented, max interval deviation 40.0 µs (≤ 50 µs)", check.describe());
    }

    @Test
    void shouldFailWhenOneFrameIsOffByMoreThanFiftyMicroseconds() {
        long[] recorded = TRUTH.clone();
        recorded[2] += 60_000; // its interval in is 60 µs longer, the one out 60 µs shorter
        FrameCrossCheck check = FrameCrossCheck.compare(42, TRUTH, NARROW, recorded);
        assertFalse(check.holds());
        assertEquals(2, check.overTolerance());
        assertEquals("FAILS: pid 42: 5 frames recorded, 5 presented, 2 intervals off by more than 50 µs, max interval deviation 60.0 µs",
                check.describe());
    }

    @Test
    void shouldFailWhenAFrameIsMissingOrCountedTwice() {
        assertEquals("FAILS: pid 7: 4 frames recorded, 5 presented (the counts differ)",
                FrameCrossCheck.compare(7, TRUTH, NARROW, new long[] {TRUTH[0], TRUTH[1], TRUTH[2], TRUTH[3]}).describe());
        long[] twice = {TRUTH[0], TRUTH[1], TRUTH[1] + 1_000, TRUTH[2], TRUTH[3], TRUTH[4]};
        assertFalse(FrameCrossCheck.compare(7, TRUTH, NARROW, twice).holds());
    }

    @Test
    void shouldExcuseOnlyTheTwoIntervalsOfAFrameWhoseWindowAroundTheProbeIsWiderThanTheBarAndCountThem() {
        long[] recorded = TRUTH.clone();
        recorded[2] += 4_500_000; // the probe ran 4.5 ms after the game's clock read: the thread was switched out between
        long[] windows = NARROW.clone();
        windows[2] = 4_600_000; // and the game saw it: its next clock read came 4.6 ms later

        FrameCrossCheck check = FrameCrossCheck.compare(42, TRUTH, windows, recorded);

        assertTrue(check.holds(), check.describe());
        assertEquals(2, check.excused());
        assertEquals(4_500_000, check.maxExcusedNs());
        assertEquals(0, check.maxDeviationNs());
        assertEquals("holds: pid 42: 5 frames recorded, 5 presented, max interval deviation 0.0 µs (≤ 50 µs); 2 of 4 intervals"
                + " excused, the game's window around the probe wider than the bar (max 4500.0 µs)", check.describe());

        recorded[4] += 60_000; // a frame with a narrow window still fails the check: the probe fired outside it
        assertFalse(FrameCrossCheck.compare(42, TRUTH, windows, recorded).holds());
    }

    @Test
    void shouldFailWhenMoreThanHalfOfTheIntervalsAreExcused() {
        long[] windows = {1_000, 80_000, 1_000, 90_000, 1_000};

        FrameCrossCheck check = FrameCrossCheck.compare(42, TRUTH, windows, TRUTH.clone());

        assertFalse(check.holds());
        assertEquals(4, check.excused());
        assertTrue(check.describe().startsWith("FAILS: pid 42: 5 frames recorded, 5 presented, too few intervals to check"),
                check.describe());
    }
}
