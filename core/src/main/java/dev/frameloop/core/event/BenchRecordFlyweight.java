package dev.frameloop.core.event;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads a {@code struct fl_bench_record} (the benchmark producer's record) in place, without
 * allocating. Not an event: it has no common header.
 *
 * @see BenchRecordLayout
 */
public final class BenchRecordFlyweight {
    private ByteBuffer buffer;
    private int offset;

    /**
     * Points this flyweight at the record starting at {@code offset} in {@code buffer}.
     *
     * @return this flyweight
     */
    public BenchRecordFlyweight wrap(ByteBuffer buffer, int offset) {
        if (buffer != this.buffer) { // a reference store costs a GC write barrier; readers wrap one buffer over and over
            this.buffer = Objects.requireNonNull(buffer, "buffer");
        }
        this.offset = offset;
        return this;
    }

    /** {@code seq}: sequence number, 0-based, in production order. */
    public long seq() {
        return LittleEndian.s64(buffer, offset + BenchRecordLayout.SEQ_OFFSET);
    }

    /** {@code timestamp_ns}: {@code bpf_ktime_get_ns()} when the producer reserved the record. */
    public long timestampNs() {
        return LittleEndian.s64(buffer, offset + BenchRecordLayout.TIMESTAMP_NS_OFFSET);
    }
}
