package dev.frameloop.ml.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/** Renders a {@link LoopBenchResult}: one JSON object ({@code --json}) or a table for people. */
public final class LoopBenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keys the issue asks for. */
    public static final List<String> REQUIRED_KEYS = List.of("loop_spin_p50_us", "loop_spin_p99_us", "loop_spin_p999_us",
            "loop_epoll_p50_us", "loop_epoll_p99_us", "loop_epoll_p999_us", "part_wakeup_spin_p99_us",
            "part_wakeup_epoll_p99_us", "part_features_p99_us", "part_predict_p99_us", "part_policy_p99_us",
            "part_map_write_p99_us", "part_apply_spin_p99_us", "part_apply_epoll_p99_us", "libbpf_wakeup_p50_us",
            "libbpf_wakeup_p99_us");

    private LoopBenchReport() {
    }

    public static String json(LoopBenchResult r) {
        ObjectNode o = JSON.createObjectNode();
        for (LoopMode mode : LoopMode.values()) {
            percentiles(o, "loop_" + mode.label(), r.mode(mode).loop());
        }
        for (LoopPart part : LoopPart.values()) {
            for (LoopMode mode : LoopMode.values()) {
                percentiles(o, "part_" + part.key() + "_" + mode.label(), r.part(part, mode));
            }
            if (!part.perMode()) {
                percentiles(o, "part_" + part.key(), r.sharedPart(part));
            }
        }
        percentiles(o, "libbpf_wakeup", r.libbpf());
        put(o, "loop_epoll_p99_to_libbpf_wakeup_p99", r.mode(LoopMode.EPOLL).loop().p99Us() / r.libbpf().p99Us());
        put(o, "part_wakeup_epoll_p99_to_libbpf_wakeup_p99",
                r.part(LoopPart.WAKEUP, LoopMode.EPOLL).p99Us() / r.libbpf().p99Us());
        o.put("target_loop_spin_p99_us", LoopBenchResult.TARGET_SPIN_P99_US);
        o.put("target_met", r.mode(LoopMode.SPIN).loop().p99Us() <= LoopBenchResult.TARGET_SPIN_P99_US);
        for (LoopMode mode : LoopMode.values()) {
            LoopPairing.Counts c = r.mode(mode).counts();
            String m = "_" + mode.label();
            o.put("triggers" + m, c.triggers());
            o.put("paired" + m, c.paired());
            o.put("missed" + m, c.missed());
            o.put("unwritten" + m, c.unwritten());
            o.put("unread" + m, c.unread());
        }
        o.put("applied_events", r.applied());
        o.put("duplicate_applied", r.duplicates());
        o.put("unmatched_applied", r.unmatched());
        o.put("libbpf_records", r.libbpfRecords());
        o.put("libbpf_received", r.libbpfReceived());
        o.put("rate_per_s", r.options().rate());
        o.put("segments", r.options().segments());
        o.put("triggers_per_segment", r.options().triggersPerSegment());
        o.put("target_sleep_us", r.options().targetSleep().toNanos() / 1000.0);
        o.put("model", r.model());
        o.put("spin_scheduling", r.spinScheduling());
        o.put("target_scheduling", r.targetScheduling());
        put(o, "load_average_before", r.loadBefore());
        put(o, "load_average_after", r.loadAfter());
        return o.toString();
    }

    public static String text(LoopBenchResult r) {
        StringBuilder t = new StringBuilder();
        LoopBenchOptions opt = r.options();
        t.append(String.format(Locale.ROOT, "frameloop bench loop: %d triggers/s, %d segments of %d triggers per reader"
                        + " mode (first 10 %% warmup), model %s%n%n", opt.rate(), opt.segments(), opt.triggersPerSegment(),
                r.model()));
        t.append("Closed loop: trigger's bpf_ktime_get_ns() -> the stand-in scheduler's first use of the entry"
                + " (its bpf_ktime_get_ns())\n");
        t.append(String.format(Locale.ROOT, "  %-28s %10s %10s %10s %10s%n", "", "p50 us", "p99 us", "p99.9 us", "max us"));
        for (LoopMode mode : LoopMode.values()) {
            row(t, "loop, reader " + mode.label(), r.mode(mode).loop());
        }
        t.append("Parts:\n");
        for (LoopPart part : LoopPart.values()) {
            for (LoopMode mode : LoopMode.values()) {
                row(t, part.key() + ", reader " + mode.label(), r.part(part, mode));
            }
        }
        t.append("Reference, same run:\n");
        row(t, "libbpf ring_buffer__poll", r.libbpf());
        t.append(String.format(Locale.ROOT, "%n  loop epoll p99 / libbpf wakeup p99: %.2f; epoll wakeup p99 / libbpf's: %.2f%n",
                r.mode(LoopMode.EPOLL).loop().p99Us() / r.libbpf().p99Us(),
                r.part(LoopPart.WAKEUP, LoopMode.EPOLL).p99Us() / r.libbpf().p99Us()));
        double spinP99 = r.mode(LoopMode.SPIN).loop().p99Us();
        t.append(String.format(Locale.ROOT, "  target loop spin p99 <= %.0f us: %s (%.1f us)%n",
                LoopBenchResult.TARGET_SPIN_P99_US, spinP99 <= LoopBenchResult.TARGET_SPIN_P99_US ? "met" : "NOT met", spinP99));
        t.append("\nTriggers (measured): paired / missed (written, never applied) / unwritten / unread\n");
        for (LoopMode mode : LoopMode.values()) {
            LoopPairing.Counts c = r.mode(mode).counts();
            t.append(String.format(Locale.ROOT, "  %-6s %d: %d / %d / %d / %d%n", mode.label(), c.triggers(), c.paired(),
                    c.missed(), c.unwritten(), c.unread()));
        }
        t.append(String.format(Locale.ROOT, "  applied events %d, duplicates %d, unmatched %d; libbpf read %d of %d%n",
                r.applied(), r.duplicates(), r.unmatched(), r.libbpfReceived(), r.libbpfRecords()));
        t.append(String.format(Locale.ROOT, "  spinning reader: %s; target thread: %s; load average %.2f -> %.2f%n",
                r.spinScheduling(), r.targetScheduling(), r.loadBefore(), r.loadAfter()));
        return t.toString();
    }

    private static void row(StringBuilder t, String label, Percentiles p) {
        t.append(String.format(Locale.ROOT, "  %-28s %10.1f %10.1f %10.1f %10.1f%n", label, p.p50Us(), p.p99Us(),
                p.p999Us(), p.maxUs()));
    }

    private static void percentiles(ObjectNode o, String prefix, Percentiles p) {
        put(o, prefix + "_p50_us", p.p50Us());
        put(o, prefix + "_p99_us", p.p99Us());
        put(o, prefix + "_p999_us", p.p999Us());
        put(o, prefix + "_max_us", p.maxUs());
    }

    /** A number, or null when there was nothing to measure (NaN is no JSON). */
    private static void put(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, round3(value));
        } else {
            o.putNull(key);
        }
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
