package dev.frameloop.ml.bench;

import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairs each trigger with the policy-applied event of the entry it wrote (by the entry's
 * timestamp, which names one write) and turns the pairs into latencies. Every measured trigger
 * ends in exactly one of: paired, missed (its entry was written but never applied: e.g. the next
 * trigger's write replaced it before the target thread switched), unwritten (no decision, or the
 * write failed), unread (the reader never saw it). An applied event naming no trigger's entry is
 * unmatched; a second event for one entry is a duplicate. Pure: no clock, no kernel.
 */
public final class LoopPairing {
    /** Highest latency the histograms track: 60 s. */
    static final long HIGHEST_NS = 60_000_000_000L;

    /** Counts of one mode's measured triggers. */
    public record Counts(long triggers, long paired, long missed, long unwritten, long unread) {
        /** Whether every trigger ended in exactly one outcome. */
        public boolean accountedFor() {
            return triggers == paired + missed + unwritten + unread;
        }
    }

    /** One mode's outcome: counts, the loop latency and each part (ns histograms). */
    public record ModeLatencies(Counts counts, Histogram loop, Map<LoopPart, Histogram> parts) {
    }

    /** The pairing of a whole run. */
    public record Result(Map<LoopMode, ModeLatencies> modes, long applied, long duplicates, long unmatched) {
    }

    private LoopPairing() {
    }

    /**
     * @param samples   what the loop did with each trigger
     * @param appliedEntryNs the entry timestamp each policy-applied event names
     * @param appliedNs the stand-in scheduler's time of each event (same index)
     */
    public static Result pair(LoopSamples samples, long[] appliedEntryNs, long[] appliedNs) {
        if (appliedEntryNs.length != appliedNs.length) {
            throw new IllegalArgumentException(appliedEntryNs.length + " entry timestamps for " + appliedNs.length
                    + " applied events");
        }
        Map<Long, Long> appliedByEntry = new HashMap<>();
        long duplicates = 0;
        for (int k = 0; k < appliedNs.length; k++) {
            if (appliedByEntry.putIfAbsent(appliedEntryNs[k], appliedNs[k]) != null) {
                duplicates++;
            }
        }
        Map<Long, Boolean> written = new HashMap<>();
        for (int i = 0; i < samples.capacity(); i++) {
            if (samples.seen(i) && samples.entryNs(i) != LoopSamples.NOT_WRITTEN) {
                written.put(samples.entryNs(i), Boolean.TRUE);
            }
        }
        long unmatched = 0;
        for (Long entry : appliedByEntry.keySet()) {
            if (!written.containsKey(entry)) {
                unmatched++;
            }
        }
        Map<LoopMode, ModeLatencies> modes = new EnumMap<>(LoopMode.class);
        for (LoopMode mode : LoopMode.values()) {
            modes.put(mode, mode(samples, appliedByEntry, mode));
        }
        return new Result(modes, appliedNs.length, duplicates, unmatched);
    }

    private static ModeLatencies mode(LoopSamples samples, Map<Long, Long> appliedByEntry, LoopMode mode) {
        Histogram loop = histogram();
        Map<LoopPart, Histogram> parts = new EnumMap<>(LoopPart.class);
        for (LoopPart part : LoopPart.values()) {
            parts.put(part, histogram());
        }
        long triggers = 0;
        long paired = 0;
        long missed = 0;
        long unwritten = 0;
        long unread = 0;
        for (int i = 0; i < samples.capacity(); i++) {
            if (samples.mode(i) != mode || !samples.measured(i)) {
                continue;
            }
            triggers++;
            if (!samples.seen(i)) {
                unread++;
                continue;
            }
            if (samples.entryNs(i) == LoopSamples.NOT_WRITTEN) {
                unwritten++;
                continue;
            }
            Long applied = appliedByEntry.get(samples.entryNs(i));
            if (applied == null) {
                missed++;
                continue;
            }
            paired++;
            record(loop, applied - samples.triggerNs(i));
            for (LoopPart part : LoopPart.values()) {
                record(parts.get(part), samples.part(i, part, applied));
            }
        }
        return new ModeLatencies(new Counts(triggers, paired, missed, unwritten, unread), loop, parts);
    }

    private static Histogram histogram() {
        return new Histogram(1, HIGHEST_NS, 3);
    }

    private static void record(Histogram h, long ns) {
        h.recordValue(Math.min(Math.max(1, ns), HIGHEST_NS));
    }
}
