package dev.frameloop.ml.experiment;

import java.util.function.ToDoubleFunction;

/** The metrics an experiment reports per arm, each with its unit and which direction is better. */
public enum Metric {
    FRAME_TIME_P50("frame time p50", "ms", Better.LOWER, p -> FrameStats.percentile(p.sortedFrameTimes, 0.50)),
    FRAME_TIME_P95("frame time p95", "ms", Better.LOWER, p -> FrameStats.percentile(p.sortedFrameTimes, 0.95)),
    FRAME_TIME_P99("frame time p99", "ms", Better.LOWER, p -> FrameStats.percentile(p.sortedFrameTimes, 0.99)),
    FRAME_TIME_P999("frame time p99.9", "ms", Better.LOWER, p -> FrameStats.percentile(p.sortedFrameTimes, 0.999)),
    AVERAGE_FPS("average FPS", "FPS", Better.HIGHER, p -> FrameStats.averageFps(p.frameTimes)),
    LOW_1("1% low", "FPS", Better.HIGHER, p -> FrameStats.lowFps(p.sortedFrameTimes, 0.01)),
    LOW_01("0.1% low", "FPS", Better.HIGHER, p -> FrameStats.lowFps(p.sortedFrameTimes, 0.001)),
    STUTTER_PERCENT("stutters", "% of frames", Better.LOWER,
            p -> p.frameTimes.length == 0 ? Double.NaN : 100.0 * FrameStats.stutters(p.frameTimes) / p.frameTimes.length),
    DEADLINE_MISS_PERCENT("deadline misses", "% of frames", Better.LOWER,
            p -> p.frameTimes.length == 0 ? Double.NaN : 100.0 * p.missed / p.frameTimes.length),
    INPUT_LATENCY_P50("input-to-present p50", "ms", Better.LOWER, p -> FrameStats.percentile(p.sortedLatencies, 0.50)),
    INPUT_LATENCY_P99("input-to-present p99", "ms", Better.LOWER, p -> FrameStats.percentile(p.sortedLatencies, 0.99));

    /** Which way a change is an improvement. */
    public enum Better { LOWER, HIGHER }

    private final String label;
    private final String unit;
    private final Better better;
    private final ToDoubleFunction<Pooled> compute;

    Metric(String label, String unit, Better better, ToDoubleFunction<Pooled> compute) {
        this.label = label;
        this.unit = unit;
        this.better = better;
        this.compute = compute;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Better better() {
        return better;
    }

    double of(Pooled pooled) {
        return compute.applyAsDouble(pooled);
    }

    /** The metric over all of {@code runs} together. */
    public double of(java.util.List<RunSample> runs) {
        return of(Pooled.of(runs));
    }
}
