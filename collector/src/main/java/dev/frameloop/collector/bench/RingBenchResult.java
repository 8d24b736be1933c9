package dev.frameloop.collector.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one {@code frameloop bench ring} run measured.
 *
 * @param options            what was asked
 * @param ringBytes          size of the benchmark ring
 * @param javaEventsPerS     Java reader drain rate, one per timed round
 * @param libbpfEventsPerS   libbpf ring_buffer__consume drain rate, one per timed round
 * @param javaEventsPerCpuS  Java drain rate per CPU-second of the draining thread, one per timed round
 *                           (steadier than wall time on a loaded machine: time descheduled does not count)
 * @param libbpfEventsPerCpuS the same for libbpf
 * @param allocBytesPerEvent bytes the Java draining thread allocated per record, over every timed round
 * @param clock              nanoTime against CLOCK_MONOTONIC
 * @param latencies          every latency phase
 * @param spinScheduling     how the spinning consumer was scheduled (policy, CPUs), for the report
 */
public record RingBenchResult(RingBenchOptions options, long ringBytes, List<Double> javaEventsPerS,
                              List<Double> libbpfEventsPerS, List<Double> javaEventsPerCpuS,
                              List<Double> libbpfEventsPerCpuS, double allocBytesPerEvent, MonotonicClock clock,
                              List<LatencyResult> latencies, String spinScheduling) {
    public static final String JAVA_EPOLL = "java-epoll";
    public static final String LIBBPF_POLL = "libbpf-poll";
    public static final String JAVA_SPIN = "java-spin";
    public static final String JAVA_DEFAULT = "java-default";

    public RingBenchResult {
        javaEventsPerS = List.copyOf(javaEventsPerS);
        libbpfEventsPerS = List.copyOf(libbpfEventsPerS);
        javaEventsPerCpuS = List.copyOf(javaEventsPerCpuS);
        libbpfEventsPerCpuS = List.copyOf(libbpfEventsPerCpuS);
        latencies = List.copyOf(latencies);
    }

    public double javaMedian() {
        return median(javaEventsPerS);
    }

    public double libbpfMedian() {
        return median(libbpfEventsPerS);
    }

    /** Java median / libbpf median. */
    public double ratio() {
        return javaMedian() / libbpfMedian();
    }

    /** Java median / libbpf median of the rates per CPU-second. */
    public double cpuRatio() {
        return median(javaEventsPerCpuS) / median(libbpfEventsPerCpuS);
    }

    /** The phase of {@code consumer} at {@code rate}. */
    public Optional<LatencyResult> latency(String consumer, long rate) {
        return latencies.stream().filter(l -> l.consumer().equals(consumer) && l.rate() == rate).findFirst();
    }

    /** The lowest rate measured: the headline keys report it. */
    public long headlineRate() {
        return options.rates().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
