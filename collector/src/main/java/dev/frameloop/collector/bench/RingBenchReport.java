package dev.frameloop.collector.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link RingBenchResult}: one JSON object ({@code --json}) or a table for people. The
 * headline latency keys are at the lowest rate measured (10k/s by default); every phase is in
 * {@code latency}.
 */
public final class RingBenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RingBenchReport() {
    }

    public static String json(RingBenchResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("java_events_per_s", round(r.javaMedian()));
        o.put("libbpf_events_per_s", round(r.libbpfMedian()));
        o.put("ratio", round3(r.ratio()));
        o.put("java_events_per_cpu_s", round(RingBenchResult.median(r.javaEventsPerCpuS())));
        o.put("libbpf_events_per_cpu_s", round(RingBenchResult.median(r.libbpfEventsPerCpuS())));
        o.put("cpu_ratio", round3(r.cpuRatio()));
        o.put("alloc_bytes_per_event", round3(r.allocBytesPerEvent()));
        long rate = r.headlineRate();
        o.put("latency_rate_per_s", rate);
        headline(o, "wakeup", r.latency(RingBenchResult.JAVA_EPOLL, rate));
        headline(o, "libbpf_wakeup", r.latency(RingBenchResult.LIBBPF_POLL, rate));
        headline(o, "spin_wakeup", r.latency(RingBenchResult.JAVA_SPIN, rate));
        headline(o, "default_wakeup", r.latency(RingBenchResult.JAVA_DEFAULT, rate));
        r.latency(RingBenchResult.JAVA_SPIN, rate).ifPresent(l -> o.put("spin_cpu_percent", round3(l.cpuPercent())));
        r.latency(RingBenchResult.JAVA_DEFAULT, rate).ifPresent(l -> o.put("default_cpu_percent", round3(l.cpuPercent())));
        r.latency(RingBenchResult.JAVA_EPOLL, rate).ifPresent(l -> o.put("epoll_cpu_percent", round3(l.cpuPercent())));
        r.latency(RingBenchResult.LIBBPF_POLL, rate).ifPresent(l -> o.put("libbpf_cpu_percent", round3(l.cpuPercent())));
        o.put("java_events_per_s_min", round(Collections.min(r.javaEventsPerS())));
        o.put("java_events_per_s_max", round(Collections.max(r.javaEventsPerS())));
        o.put("libbpf_events_per_s_min", round(Collections.min(r.libbpfEventsPerS())));
        o.put("libbpf_events_per_s_max", round(Collections.max(r.libbpfEventsPerS())));
        o.put("spin_scheduling", r.spinScheduling());
        o.put("events", r.options().events());
        o.put("record_size", r.options().recordSize());
        o.put("rounds", r.options().rounds());
        o.put("ring_bytes", r.ringBytes());
        o.put("clock_offset_ns", r.clock().offsetNs());
        o.put("clock_uncertainty_ns", r.clock().uncertaintyNs());
        ArrayNode phases = o.putArray("latency");
        for (LatencyResult l : r.latencies()) {
            ObjectNode p = phases.addObject();
            p.put("consumer", l.consumer());
            p.put("rate_per_s", l.rate());
            p.put("achieved_rate_per_s", round(l.achievedRate()));
            p.put("records", l.records());
            p.put("p50_us", round3(l.p50Us()));
            p.put("p99_us", round3(l.p99Us()));
            p.put("p999_us", round3(l.p999Us()));
            p.put("max_us", round3(l.maxUs()));
            p.put("cpu_percent", round3(l.cpuPercent()));
        }
        return o.toString();
    }

    public static String text(RingBenchResult r) {
        StringBuilder t = new StringBuilder();
        RingBenchOptions opt = r.options();
        t.append(String.format("frameloop bench ring: %d records of %d bytes, ring %s, %d timed rounds per consumer%n%n",
                opt.events(), opt.recordSize(), dev.frameloop.collector.ring.RingSize.humanSpaced(r.ringBytes()), opt.rounds()));
        t.append("Throughput: the producer fills the ring (no wakeups), then one consumer drains it; median [min..max]\n");
        t.append(String.format("  %-34s %10.2f M events/s  [%.2f..%.2f]%n", "Java RingReader",
                r.javaMedian() / 1e6, Collections.min(r.javaEventsPerS()) / 1e6, Collections.max(r.javaEventsPerS()) / 1e6));
        t.append(String.format("  %-34s %10.2f M events/s  [%.2f..%.2f]%n", "libbpf ring_buffer__consume (C)",
                r.libbpfMedian() / 1e6, Collections.min(r.libbpfEventsPerS()) / 1e6, Collections.max(r.libbpfEventsPerS()) / 1e6));
        t.append(String.format("  %-34s %10.3f      (target >= 1.0: %s)%n", "ratio java/libbpf", r.ratio(),
                r.ratio() >= 1.0 ? "met" : "NOT met"));
        t.append(String.format("  %-34s %10.3f      (per CPU-second of each consumer: %.2f vs %.2f M)%n",
                "ratio java/libbpf, CPU time", r.cpuRatio(), RingBenchResult.median(r.javaEventsPerCpuS()) / 1e6,
                RingBenchResult.median(r.libbpfEventsPerCpuS()) / 1e6));
        t.append(String.format("  %-34s %10.4f B    (target < 0.01: %s)%n", "Java allocation per event",
                r.allocBytesPerEvent(), r.allocBytesPerEvent() < 0.01 ? "met" : "NOT met"));
        t.append(String.format("%nWakeup latency: bpf_ktime_get_ns() in the producer -> handler, producer paced at a fixed rate;%n"
                + "CPU = consumer thread CPU time / wall time%n"));
        t.append(String.format("  %-14s %9s %10s %10s %10s %10s %8s%n", "consumer", "rate/s", "p50 us", "p99 us",
                "p99.9 us", "max us", "CPU %"));
        for (LatencyResult l : r.latencies()) {
            t.append(String.format("  %-14s %9d %10.1f %10.1f %10.1f %10.1f %8.1f%n", l.consumer(), l.rate(), l.p50Us(),
                    l.p99Us(), l.p999Us(), l.maxUs(), l.cpuPercent()));
        }
        t.append(String.format("%n  java-epoll: Java reader sleeping in epoll_wait; libbpf-poll: C reference in ring_buffer__poll;%n"
                + "  java-spin: Java reader busy-spinning (%s);%n"
                + "  java-default: spin 20 us, yield 30 us, then epoll_wait.%n", r.spinScheduling()));
        long rate = r.headlineRate();
        Optional<LatencyResult> epoll = r.latency(RingBenchResult.JAVA_EPOLL, rate);
        Optional<LatencyResult> libbpf = r.latency(RingBenchResult.LIBBPF_POLL, rate);
        Optional<LatencyResult> spin = r.latency(RingBenchResult.JAVA_SPIN, rate);
        if (epoll.isPresent() && libbpf.isPresent()) {
            boolean met = epoll.get().p50Us() <= libbpf.get().p50Us() && epoll.get().p99Us() <= libbpf.get().p99Us();
            t.append(String.format("%nTargets at %d/s: epoll p50/p99 no worse than libbpf's: %s; ", rate, met ? "met" : "NOT met"));
        }
        spin.ifPresent(s -> t.append(String.format("spin p99 <= 5 us: %s (%.1f us, %.0f %% CPU)%n",
                s.p99Us() <= 5 ? "met" : "NOT met", s.p99Us(), s.cpuPercent())));
        t.append(String.format("Clock: System.nanoTime = CLOCK_MONOTONIC %+d ns (+/- %d ns)%n", r.clock().offsetNs(),
                r.clock().uncertaintyNs()));
        return t.toString();
    }

    private static void headline(ObjectNode o, String prefix, Optional<LatencyResult> latency) {
        latency.ifPresent(l -> {
            o.put(prefix + "_p50_us", round3(l.p50Us()));
            o.put(prefix + "_p99_us", round3(l.p99Us()));
            o.put(prefix + "_p999_us", round3(l.p999Us()));
        });
    }

    private static long round(double value) {
        return Math.round(value);
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The keys the issue asks for, in the order it lists them. */
    public static final List<String> REQUIRED_KEYS = List.of("java_events_per_s", "libbpf_events_per_s", "ratio",
            "alloc_bytes_per_event", "wakeup_p50_us", "wakeup_p99_us", "libbpf_wakeup_p50_us", "libbpf_wakeup_p99_us",
            "spin_wakeup_p99_us", "spin_cpu_percent");
}
