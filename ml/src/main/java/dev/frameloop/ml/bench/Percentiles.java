package dev.frameloop.ml.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one measurement, µs.
 *
 * @param count how many values
 */
public record Percentiles(long count, double p50Us, double p99Us, double p999Us, double maxUs) {
    /** No values. */
    public static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The percentiles of a histogram of ns values. */
    public static Percentiles of(Histogram ns) {
        if (ns.getTotalCount() == 0) {
            return NONE;
        }
        return new Percentiles(ns.getTotalCount(), us(ns.getValueAtPercentile(50)), us(ns.getValueAtPercentile(99)),
                us(ns.getValueAtPercentile(99.9)), us(ns.getMaxValue()));
    }

    private static double us(long ns) {
        return ns / 1000.0;
    }
}
