package dev.frameloop.ml.analysis;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameTimeStatsTest {
    private static final double EPS = 1e-9;

    /** 8 × 10 ms, 40 ms, 80 ms: 200 ms in all, mean 20 ms. */
    private static final FrameTimeStats SMALL = FrameTimeStats.ofMillis(10, 10, 10, 80, 10, 10, 40, 10, 10, 10);

    @Test
    void shouldComputeAverageFpsFromTotalTimeNotFromPerFrameFps() {
        assertEquals(10, SMALL.frames());
        assertEquals(200, SMALL.totalMs(), EPS);
        assertEquals(20, SMALL.meanMs(), EPS);
        assertEquals(50, SMALL.averageFps(), EPS); // the mean of per-frame FPS would be 86.75
        assertEquals(80, SMALL.maxMs(), EPS);
    }

    @Test
    void shouldInterpolatePercentilesBetweenClosestRanks() {
        assertEquals(10, SMALL.percentileMs(0), EPS);
        assertEquals(10, SMALL.percentileMs(50), EPS);
        assertEquals(44, SMALL.percentileMs(90), EPS); // rank 8.1: 40 + 0.1 × (80 - 40)
        assertEquals(80, SMALL.percentileMs(100), EPS);
    }

    @Test
    void shouldAccumulateSlowestFrameTimesUntilTheShareOfTotalTimeForLows() {
        // half of 200 ms: 80 (< 100), then 80 + 40 = 120 reaches it at the 40 ms frame
        assertEquals(40, SMALL.lowThresholdMs(0.5), EPS);
        assertEquals(25, SMALL.lowFps(0.5), EPS);
        // 1 % of 200 ms = 2 ms: the slowest frame alone reaches it
        assertEquals(12.5, SMALL.onePercentLowFps(), EPS);
        assertEquals(12.5, SMALL.pointOnePercentLowFps(), EPS);
    }

    @Test
    void shouldDifferFromAverageOfSlowestFramesAndFromThePercentile() {
        double[] times = new double[1000];
        Arrays.fill(times, 10);
        for (int i = 0; i < 5; i++) {
            times[100 + i * 150] = 100;
            times[150 + i * 150] = 12;
        }
        FrameTimeStats stats = FrameTimeStats.ofMillis(times);
        // total 10460 ms; 1 % = 104.6 ms is reached by the second 100 ms frame
        assertEquals(100, stats.lowThresholdMs(0.01), EPS);
        assertEquals(10, stats.onePercentLowFps(), EPS);
        // 0.1 % = 10.46 ms: the first 100 ms frame
        assertEquals(10, stats.pointOnePercentLowFps(), EPS);
        // the 99th percentile is 10.02 ms (99.8 FPS), the average of the 10 slowest frames 56 ms
        assertEquals(10.02, stats.percentileMs(99), 1e-6);
    }

    @Test
    void shouldCountFramesAboveTwoAndAHalfTimesTheMeanAsStutters() {
        // threshold 2.5 × 20 = 50 ms: only the 80 ms frame
        assertEquals(1, SMALL.stutterCount());
        assertEquals(50, SMALL.stutterThresholdMs(FrameTimeStats.CAPFRAMEX_STUTTER_FACTOR), EPS);
        assertEquals(0.4, SMALL.stutterTimeShare(), EPS);
        // threshold 1.5 × 20 = 30 ms: the 40 and 80 ms frames
        assertEquals(2, SMALL.stutterCount(1.5));
    }

    @Test
    void shouldReadNanosecondIntervals() {
        FrameTimeStats stats = FrameTimeStats.ofNanos(16_000_000L, 16_000_000L, 48_000_000L);
        assertEquals(80, stats.totalMs(), EPS);
        assertEquals(37.5, stats.averageFps(), EPS);
        assertEquals(48, stats.maxMs(), EPS);
    }

    @Test
    void shouldSummariseEveryFigureInATable() {
        Table summary = SMALL.summary();
        assertEquals(11, summary.rowCount());
        assertEquals("1% low FPS", summary.stringColumn("metric").get(2));
        assertEquals(12.5, summary.doubleColumn("value").get(2), EPS);
        assertEquals(1, summary.doubleColumn("value").get(9), EPS);
        assertEquals(40, summary.doubleColumn("value").get(10), EPS);
        FrameTimeStats thirds = FrameTimeStats.ofMillis(10, 10, 10.0 / 3); // 3000 / 23.33 ms = 128.571… FPS
        assertEquals(128.5714285714, thirds.averageFps(), 1e-6);
        assertEquals(128.57, thirds.summary().doubleColumn("value").get(1), EPS);
    }

    @Test
    void shouldRefuseNoFramesAndNonPositiveFrameTimes() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, FrameTimeStats::ofMillis);
        assertTrue(empty.getMessage().contains("at least one frame"), empty.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> FrameTimeStats.ofMillis(16, 0));
        assertTrue(zero.getMessage().contains("frame time 2 must be a positive number of ms, got 0.0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrameTimeStats.ofMillis(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SMALL.percentileMs(101));
        assertThrows(IllegalArgumentException.class, () -> SMALL.lowFps(0));
    }
}
