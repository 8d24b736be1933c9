package dev.frameloop.ml.experiment;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for the metrics of an arm and for differences between arms. Frame times are
 * autocorrelated (a spike drags its neighbours), so each run is resampled by the circular block bootstrap with
 * blocks of ⌈n^⅓⌉ frames (input latencies likewise), stratified by run: every resample keeps each run's length.
 * The random stream is seeded: the same data and seed give the same intervals.
 */
public final class Bootstrap {
    private final int iterations;
    private final double confidence;
    private final long seed;

    public Bootstrap(int iterations, double confidence, long seed) {
        if (iterations < 100) {
            throw new IllegalArgumentException("bootstrap iterations must be at least 100, got " + iterations);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.iterations = iterations;
        this.confidence = confidence;
        this.seed = seed;
    }

    public int iterations() {
        return iterations;
    }

    public double confidence() {
        return confidence;
    }

    public long seed() {
        return seed;
    }

    /** Every metric of the arm, with its interval. */
    public Map<Metric, Interval> intervals(List<RunSample> runs) {
        Metric[] metrics = Metric.values();
        Pooled all = Pooled.of(runs);
        double[][] draws = new double[metrics.length][iterations];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < iterations; i++) {
            Pooled resample = resample(runs, random);
            for (int m = 0; m < metrics.length; m++) {
                draws[m][i] = metrics[m].of(resample);
            }
        }
        Map<Metric, Interval> out = new EnumMap<>(Metric.class);
        for (int m = 0; m < metrics.length; m++) {
            out.put(metrics[m], interval(metrics[m].of(all), draws[m]));
        }
        return out;
    }

    /** Every metric's difference {@code arm − baseline}, with its interval (both arms resampled independently). */
    public Map<Metric, Interval> differences(List<RunSample> baseline, List<RunSample> arm) {
        Metric[] metrics = Metric.values();
        Pooled base = Pooled.of(baseline);
        Pooled other = Pooled.of(arm);
        double[][] draws = new double[metrics.length][iterations];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < iterations; i++) {
            Pooled b = resample(baseline, random);
            Pooled a = resample(arm, random);
            for (int m = 0; m < metrics.length; m++) {
                draws[m][i] = metrics[m].of(a) - metrics[m].of(b);
            }
        }
        Map<Metric, Interval> out = new EnumMap<>(Metric.class);
        for (int m = 0; m < metrics.length; m++) {
            out.put(metrics[m], interval(metrics[m].of(other) - metrics[m].of(base), draws[m]));
        }
        return out;
    }

    private Interval interval(double estimate, double[] draws) {
        if (Double.isNaN(estimate)) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] defined = Arrays.stream(draws).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (defined.length < iterations / 2) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double tail = (1 - confidence) / 2;
        return new Interval(estimate, FrameStats.percentile(defined, Math.max(tail, 1e-12)),
                FrameStats.percentile(defined, 1 - tail));
    }

    private static Pooled resample(List<RunSample> runs, SplittableRandom random) {
        int frames = runs.stream().mapToInt(RunSample::frames).sum();
        int latencies = runs.stream().mapToInt(r -> r.inputLatenciesMs().length).sum();
        double[] ft = new double[frames];
        double[] lat = new double[latencies];
        int missed = 0;
        int f = 0;
        int l = 0;
        long underruns = 0;
        for (RunSample run : runs) {
            int n = run.frames();
            int block = blockLength(n);
            for (int filled = 0; filled < n; ) {
                int start = random.nextInt(n);
                for (int k = 0; k < block && filled < n; k++, filled++) {
                    int idx = (start + k) % n;
                    ft[f++] = run.frameTimesMs()[idx];
                    missed += run.missed()[idx] ? 1 : 0;
                }
            }
            double[] source = run.inputLatenciesMs();
            int m = source.length;
            int latencyBlock = blockLength(m);
            for (int filled = 0; filled < m; ) {
                int start = random.nextInt(m);
                for (int k = 0; k < latencyBlock && filled < m; k++, filled++) {
                    lat[l++] = source[(start + k) % m];
                }
            }
            underruns += run.underruns();
        }
        return new Pooled(ft, missed, lat, underruns);
    }

    static int blockLength(int n) {
        return Math.max(1, (int) Math.ceil(Math.cbrt(n)));
    }
}
