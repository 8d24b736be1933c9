package dev.frameloop.collector.bench;

import org.HdrHistogram.Histogram;

/**
 * One latency phase: a consumer reading records paced at {@code rate}; latencies from the
 * producer's {@code bpf_ktime_get_ns()} to the handler, warmup excluded.
 *
 * @param consumer     {@code java-epoll}, {@code libbpf-poll}, {@code java-spin}, {@code java-default}
 * @param rate         target producer rate, records/s
 * @param achievedRate rate the pacer achieved
 * @param records      records produced (warmup included)
 * @param received     records the consumer saw
 * @param p50Us        median latency, µs
 * @param p99Us        99th percentile, µs
 * @param p999Us       99.9th percentile, µs
 * @param maxUs        largest, µs
 * @param cpuPercent   consumer thread CPU time / wall time of the phase, %
 * @param orderErrors  records out of sequence
 */
public record LatencyResult(String consumer, long rate, double achievedRate, long records, long received,
                            double p50Us, double p99Us, double p999Us, double maxUs, double cpuPercent, long orderErrors) {

    static LatencyResult of(String consumer, long rate, double achievedRate, long records, long received,
                            Histogram histogram, double cpuPercent, long orderErrors) {
        return new LatencyResult(consumer, rate, achievedRate, records, received,
                us(histogram.getValueAtPercentile(50)), us(histogram.getValueAtPercentile(99)),
                us(histogram.getValueAtPercentile(99.9)), us(histogram.getMaxValue()), cpuPercent, orderErrors);
    }

    private static double us(long ns) {
        return ns / 1000.0;
    }
}
