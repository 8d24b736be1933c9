package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {
    private final Bootstrap bootstrap = new Bootstrap(400, 0.95, 42);

    @Test
    void shouldGiveConstantFramesAZeroWidthInterval() {
        RunSample run = run(constant(600, 16.0), new double[] {5, 5, 5}, 2);

        Map<Metric, Interval> intervals = bootstrap.intervals(List.of(run, run));

        assertEquals(new Interval(16.0, 16.0, 16.0), intervals.get(Metric.FRAME_TIME_P99));
        assertEquals(62.5, intervals.get(Metric.AVERAGE_FPS).estimate(), 1e-9);
        assertEquals(new Interval(5.0, 5.0, 5.0), intervals.get(Metric.INPUT_LATENCY_P50));
        assertEquals(0.0, intervals.get(Metric.STUTTER_PERCENT).estimate());
    }

    @Test
    void shouldCoverTheMedianOfAKnownDistribution() {
        Map<Metric, Interval> intervals = bootstrap.intervals(List.of(run(normal(3000, 16.0, 2.0, 1), new double[0], 0)));

        Interval p50 = intervals.get(Metric.FRAME_TIME_P50);
        assertTrue(p50.low() <= 16.0 && 16.0 <= p50.high(), p50.toString());
        assertTrue(p50.high() - p50.low() < 1.0, p50.toString());
        assertTrue(Double.isNaN(intervals.get(Metric.INPUT_LATENCY_P50).estimate()), "no input: no latency");
    }

    @Test
    void shouldCallASlowerArmWorseOnlyWhenItsIntervalExcludesZero() {
        List<RunSample> fast = List.of(run(normal(1200, 16.0, 1.0, 2), new double[0], 0));
        List<RunSample> slow = List.of(run(normal(1200, 20.0, 1.0, 3), new double[0], 0));
        List<RunSample> same = List.of(run(normal(1200, 16.0, 1.0, 4), new double[0], 0));

        Interval slower = bootstrap.differences(fast, slow).get(Metric.FRAME_TIME_P50);
        Interval none = bootstrap.differences(fast, same).get(Metric.FRAME_TIME_P50);

        assertTrue(slower.low() > 3 && slower.high() < 5, slower.toString());
        assertEquals(Verdict.WORSE, Verdict.of(Metric.FRAME_TIME_P50, slower));
        assertEquals(Verdict.BETTER, Verdict.of(Metric.FRAME_TIME_P50, new Interval(-4, -5, -3)));
        assertEquals(Verdict.WORSE, Verdict.of(Metric.AVERAGE_FPS, bootstrap.differences(fast, slow).get(Metric.AVERAGE_FPS)));
        assertTrue(none.low() <= 0 && none.high() >= 0, none.toString());
        assertEquals(Verdict.NO_CLEAR_DIFFERENCE, Verdict.of(Metric.FRAME_TIME_P50, none));
        assertEquals(Verdict.UNDEFINED, Verdict.of(Metric.INPUT_LATENCY_P99, new Interval(Double.NaN, Double.NaN, Double.NaN)));
    }

    @Test
    void shouldRepeatItselfForTheSameSeed() {
        List<RunSample> runs = List.of(run(normal(500, 16.0, 3.0, 5), normal(200, 8.0, 1.0, 6), 0));

        assertEquals(new Bootstrap(300, 0.95, 7).intervals(runs), new Bootstrap(300, 0.95, 7).intervals(runs));
    }

    @Test
    void shouldRejectMeaninglessSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1000, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSample(new double[2], new boolean[1], new double[0], 0));
    }

    @Test
    void shouldUseBlocksOfTheCubeRootOfTheRunLength() {
        assertEquals(1, Bootstrap.blockLength(1));
        assertEquals(10, Bootstrap.blockLength(1000));
        assertEquals(11, Bootstrap.blockLength(1001));
    }

    static RunSample run(double[] frames, double[] latencies, long underruns) {
        boolean[] missed = new boolean[frames.length];
        for (int i = 0; i < frames.length; i++) {
            missed[i] = frames[i] > 16.7;
        }
        return new RunSample(frames, missed, latencies, underruns);
    }

    static double[] constant(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    static double[] normal(int n, double mean, double sd, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * random.nextGaussian();
        }
        return v;
    }
}
