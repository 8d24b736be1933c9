package dev.frameloop.ml.bench;

import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Map;

/**
 * What {@code frameloop bench loop} measured.
 *
 * @param options        what ran
 * @param model          which model predicted (a folder, or the synthetic one)
 * @param modes          per reader mode: counts, loop latency and every part
 * @param sharedParts    the parts that do not wait for a wakeup or a switch, over both modes
 * @param libbpf         libbpf's epoll wakeup latency in the same run
 * @param libbpfRecords  records the libbpf reference was sent
 * @param libbpfReceived records it read
 * @param applied        policy-applied events the stand-in scheduler emitted
 * @param duplicates     second events for one entry write (0 when the stand-in works)
 * @param unmatched      events naming no trigger's entry
 * @param spinScheduling how the spinning reader ran
 * @param targetScheduling how the target thread ran
 * @param loadBefore     1-minute load average at the start
 * @param loadAfter      1-minute load average at the end
 */
public record LoopBenchResult(LoopBenchOptions options, String model, Map<LoopMode, ModeResult> modes,
                              Map<LoopPart, Percentiles> sharedParts, Percentiles libbpf, long libbpfRecords,
                              long libbpfReceived, long applied, long duplicates, long unmatched, String spinScheduling,
                              String targetScheduling, double loadBefore, double loadAfter) {
    /** The closed-loop p99 the spinning reader should reach, µs. */
    public static final double TARGET_SPIN_P99_US = 100;

    /** One reader mode. */
    public record ModeResult(LoopPairing.Counts counts, Percentiles loop, Map<LoopPart, Percentiles> parts) {
    }

    public LoopBenchResult {
        modes = Map.copyOf(modes);
        sharedParts = Map.copyOf(sharedParts);
    }

    /** Turns a pairing into percentiles: per-mode parts per mode, the others over both modes. */
    public static LoopBenchResult of(LoopBenchOptions options, String model, LoopPairing.Result pairing, Histogram libbpf,
                                     long libbpfRecords, long libbpfReceived, String spinScheduling,
                                     String targetScheduling, double loadBefore, double loadAfter) {
        Map<LoopMode, ModeResult> modes = new EnumMap<>(LoopMode.class);
        Map<LoopPart, Histogram> shared = new EnumMap<>(LoopPart.class);
        for (Map.Entry<LoopMode, LoopPairing.ModeLatencies> e : pairing.modes().entrySet()) {
            Map<LoopPart, Percentiles> parts = new EnumMap<>(LoopPart.class);
            e.getValue().parts().forEach((part, h) -> {
                parts.put(part, Percentiles.of(h));
                if (!part.perMode()) {
                    shared.computeIfAbsent(part, p -> new Histogram(1, LoopPairing.HIGHEST_NS, 3)).add(h);
                }
            });
            modes.put(e.getKey(), new ModeResult(e.getValue().counts(), Percentiles.of(e.getValue().loop()), parts));
        }
        Map<LoopPart, Percentiles> sharedParts = new EnumMap<>(LoopPart.class);
        shared.forEach((part, h) -> sharedParts.put(part, Percentiles.of(h)));
        return new LoopBenchResult(options, model, modes, sharedParts, Percentiles.of(libbpf), libbpfRecords,
                libbpfReceived, pairing.applied(), pairing.duplicates(), pairing.unmatched(), spinScheduling, targetScheduling,
                loadBefore, loadAfter);
    }

    public ModeResult mode(LoopMode mode) {
        return modes.get(mode);
    }

    /** A part's percentiles in {@code mode}. */
    public Percentiles part(LoopPart part, LoopMode mode) {
        return modes.get(mode).parts().get(part);
    }

    /** A part that waits for no wakeup or switch ({@link LoopPart#perMode()} false), over both modes. */
    public Percentiles sharedPart(LoopPart part) {
        return sharedParts.get(part);
    }

    /** Whether every measured trigger ended paired, missed, unwritten or unread, and no event was left over. */
    public boolean accountedFor() {
        return modes.values().stream().allMatch(m -> m.counts().accountedFor()) && duplicates == 0 && unmatched == 0;
    }
}
