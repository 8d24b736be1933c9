package dev.frameloop.collector.ring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The size of every stream's rings, set before load: the one place the defaults live (the BPF
 * declarations' sizes are placeholders the loader overrides, the CLI options show these).
 *
 * <p>Defaults: the design document's for input (16 × 64 KiB, shard chosen by CPU), game/process
 * detection (256 KiB), frame timing (64 KiB), GPU submit (64 KiB) and migration (16 × 32 KiB).
 * The others are sized from their rates so that a ring holds well over the longest reader
 * stall we plan for (100 ms: a GC pause or a descheduled consumer) at the worst rate, rounded
 * up to a power of two (record = event + 8-byte ring header):
 * <ul>
 *   <li>thread classification, 64-byte records, at most one per thread and class change
 *       (hysteresis): a game starting classifies its ~200 threads at once (12.8 KB);
 *       64 KiB holds 1,024 records, 5 such bursts;</li>
 *   <li>deadline miss, 72-byte records: at most one per frame per tracked thread, 144 Hz × 8
 *       threads ≈ 1.2 k/s in a stutter, 115 per 100 ms; 64 KiB holds 910, 0.8 s of it;</li>
 *   <li>task stats, 120-byte records: one per live thread of the tracked processes every
 *       100 ms, up to 1,000 threads = one 120 KB burst per period; 256 KiB holds 2,184
 *       records, two periods;</li>
 *   <li>policy applied, 72-byte records: the scheduler reports the first use of each new or
 *       changed policy entry; the policy writer is rate-limited to well under 1 k entries/s;
 *       64 KiB holds 910 records, about a second of the maximum rate.</li>
 * </ul>
 * The benchmark streams default to 256 KiB ({@code bench}) and 2 × 64 KiB ({@code bench_set});
 * {@code frameloop bench ring} sizes its ring from {@code --events}.
 */
public final class RingSizes {
    private static final Map<RingStream, RingSize> DEFAULTS = defaultSizes();

    private final Map<RingStream, RingSize> sizes;

    private RingSizes(Map<RingStream, RingSize> sizes) {
        this.sizes = sizes;
    }

    /** Every stream at its default size. */
    public static RingSizes defaults() {
        return new RingSizes(DEFAULTS);
    }

    /** The default size of one stream. */
    public static RingSize defaultOf(RingStream stream) {
        return DEFAULTS.get(stream);
    }

    /** A copy with {@code stream} set to {@code size}. */
    public RingSizes with(RingStream stream, RingSize size) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(size, "size");
        Map<RingStream, RingSize> copy = new EnumMap<>(sizes);
        copy.put(stream, size);
        return new RingSizes(Collections.unmodifiableMap(copy));
    }

    /** The size of {@code stream}'s rings. */
    public RingSize of(RingStream stream) {
        return sizes.get(stream);
    }

    /** Data bytes of every stream's rings together (an upper bound of what one object with all streams locks). */
    public long totalBytes() {
        long total = 0;
        for (RingSize size : sizes.values()) {
            total += size.totalBytes();
        }
        return total;
    }

    /** {@code --ring-input=16x64KiB (1 MiB locked)}: an option and what it costs. */
    public static String describe(String option, RingSize size) {
        return option + "=" + size + " (" + RingSize.humanSpaced(size.totalBytes()) + " locked)";
    }

    private static Map<RingStream, RingSize> defaultSizes() {
        Map<RingStream, RingSize> sizes = new EnumMap<>(RingStream.class);
        sizes.put(RingStream.BENCH, RingSize.single(256 << 10));
        sizes.put(RingStream.INPUT, RingSize.set(16, 64 << 10));
        sizes.put(RingStream.PROCESS, RingSize.single(256 << 10));
        sizes.put(RingStream.FRAME_TIMING, RingSize.single(64 << 10));
        sizes.put(RingStream.GPU_SUBMIT, RingSize.single(64 << 10));
        sizes.put(RingStream.MIGRATION, RingSize.set(16, 32 << 10));
        sizes.put(RingStream.THREAD_CLASS, RingSize.single(64 << 10));
        sizes.put(RingStream.DEADLINE_MISS, RingSize.single(64 << 10));
        sizes.put(RingStream.TASK_STATS, RingSize.single(256 << 10));
        sizes.put(RingStream.POLICY_APPLIED, RingSize.single(64 << 10));
        sizes.put(RingStream.BENCH_SET, RingSize.set(2, 64 << 10));
        if (sizes.size() != RingStream.values().length) {
            throw new AssertionError("a stream has no default ring size");
        }
        return Collections.unmodifiableMap(sizes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RingSizes other && sizes.equals(other.sizes);
    }

    @Override
    public int hashCode() {
        return sizes.hashCode();
    }

    @Override
    public String toString() {
        return sizes.toString();
    }
}
