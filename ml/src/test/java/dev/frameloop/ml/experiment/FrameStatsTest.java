package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameStatsTest {
    /** 1, 2, …, 1000 ms: every percentile and low is known exactly. */
    private static final double[] ONE_TO_THOUSAND = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();

    @Test
    void shouldTakeNearestRankPercentiles() {
        assertEquals(500, FrameStats.percentile(ONE_TO_THOUSAND, 0.50));
        assertEquals(950, FrameStats.percentile(ONE_TO_THOUSAND, 0.95));
        assertEquals(990, FrameStats.percentile(ONE_TO_THOUSAND, 0.99));
        assertEquals(999, FrameStats.percentile(ONE_TO_THOUSAND, 0.999));
        assertEquals(1000, FrameStats.percentile(ONE_TO_THOUSAND, 1.0));
        assertEquals(1, FrameStats.percentile(ONE_TO_THOUSAND, 0.0001));
        assertEquals(20, FrameStats.percentile(new double[] {10, 20, 30, 40}, 0.5));
        assertTrue(Double.isNaN(FrameStats.percentile(new double[0], 0.5)));
        assertThrows(IllegalArgumentException.class, () -> FrameStats.percentile(ONE_TO_THOUSAND, 0));
    }

    @Test
    void shouldTakeLowsAsMangoHudDoes() {
        // slowest first, index floor(p*n)-1: the 10th slowest (991 ms) and the slowest (1000 ms)
        assertEquals(1000.0 / 991, FrameStats.lowFps(ONE_TO_THOUSAND, 0.01), 1e-12);
        assertEquals(1.0, FrameStats.lowFps(ONE_TO_THOUSAND, 0.001), 1e-12);
        // 999 frames hold no 0.1 % of a frame
        assertTrue(Double.isNaN(FrameStats.lowFps(IntStream.rangeClosed(1, 999).asDoubleStream().toArray(), 0.001)));
    }

    @Test
    void shouldAverageFpsOverTotalTime() {
        assertEquals(1000.0 * 1000 / 500500, FrameStats.averageFps(ONE_TO_THOUSAND), 1e-12);
        assertEquals(50.0, FrameStats.averageFps(new double[] {10, 30}), 1e-12);
    }

    @Test
    void shouldCountStuttersAboveTwoAndAHalfTimesTheAverage() {
        double[] frames = steadyWithSpikes(1000, 16.0, 10, 50.0);
        // mean 16.34 ms: the threshold is 40.85 ms, so exactly the 10 spikes
        assertEquals(10, FrameStats.stutters(frames));
        assertEquals(20.0, FrameStats.lowFps(sorted(frames), 0.01), 1e-12);
        assertEquals(20.0, FrameStats.lowFps(sorted(frames), 0.001), 1e-12);
        assertEquals(16.0, FrameStats.percentile(sorted(frames), 0.99));
        assertEquals(50.0, FrameStats.percentile(sorted(frames), 0.999));
        assertEquals(0, FrameStats.stutters(new double[] {16, 16, 16, 40}));
    }

    static double[] steadyWithSpikes(int n, double steady, int spikes, double spike) {
        double[] frames = new double[n];
        for (int i = 0; i < n; i++) {
            frames[i] = i % (n / spikes) == n / spikes / 2 ? spike : steady;
        }
        return frames;
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }
}
