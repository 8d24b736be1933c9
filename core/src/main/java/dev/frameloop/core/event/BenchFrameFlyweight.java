package dev.frameloop.core.event;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads a {@code struct fl_bench_frame} (the benchmark producer's frame-timing row) in place,
 * without allocating. Not an event: it has no common header.
 *
 * @see BenchFrameLayout
 */
public final class BenchFrameFlyweight {
    private ByteBuffer buffer;
    private int offset;

    /**
     * Points this flyweight at the record starting at {@code offset} in {@code buffer}.
     *
     * @return this flyweight
     */
    public BenchFrameFlyweight wrap(ByteBuffer buffer, int offset) {
        if (buffer != this.buffer) { // a reference store costs a GC write barrier; readers wrap one buffer over and over
            this.buffer = Objects.requireNonNull(buffer, "buffer");
        }
        this.offset = offset;
        return this;
    }

    /** {@code seq}: sequence number, 0-based, in production order. */
    public long seq() {
        return LittleEndian.s64(buffer, offset + BenchFrameLayout.SEQ_OFFSET);
    }

    /** {@code timestamp_ns}: {@code bpf_ktime_get_ns()} when the producer reserved the record. */
    public long timestampNs() {
        return LittleEndian.s64(buffer, offset + BenchFrameLayout.TIMESTAMP_NS_OFFSET);
    }

    /** {@code frame_interval_ns}: time since the previous frame, ns. */
    public long frameIntervalNs() {
        return LittleEndian.s64(buffer, offset + BenchFrameLayout.FRAME_INTERVAL_NS_OFFSET);
    }

    /** {@code gpu_to_present_ns}: time from the last GPU submit to the present, ns. */
    public long gpuToPresentNs() {
        return LittleEndian.s64(buffer, offset + BenchFrameLayout.GPU_TO_PRESENT_NS_OFFSET);
    }

    /** {@code frame_dropped}: the frame did not reach the screen. */
    public boolean frameDropped() {
        return LittleEndian.u8(buffer, offset + BenchFrameLayout.FRAME_DROPPED_OFFSET) != 0;
    }

    /** {@code vsync_missed}: the present missed its vblank. */
    public boolean vsyncMissed() {
        return LittleEndian.u8(buffer, offset + BenchFrameLayout.VSYNC_MISSED_OFFSET) != 0;
    }
}
