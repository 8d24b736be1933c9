package dev.frameloop.core.event;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Base of the in-place readers: holds the wrapped buffer and offset and reads the common
 * header ({@link EventHeaderLayout}) every event starts with. Subclasses add the fields of
 * one event type. Reads are plain: the ring reader's acquire load of the record header
 * already orders them after the producer's writes.
 */
public abstract class EventFlyweight {
    ByteBuffer buffer;
    int offset;

    /**
     * Points this flyweight at the record starting at {@code offset} in {@code buffer}.
     * Allocation-free; field reads are bounds-checked by the buffer itself.
     *
     * @return this flyweight
     */
    public EventFlyweight wrap(ByteBuffer buffer, int offset) {
        if (buffer != this.buffer) { // a reference store costs a GC write barrier; readers wrap one buffer over and over
            this.buffer = Objects.requireNonNull(buffer, "buffer");
        }
        this.offset = offset;
        return this;
    }

    /** Buffer currently wrapped (null before the first {@link #wrap}). */
    public final ByteBuffer buffer() {
        return buffer;
    }

    /** Offset of the record in {@link #buffer()}. */
    public final int offset() {
        return offset;
    }

    /** {@code header.type}: the event type code, see {@link EventType#fromCode}. */
    public final int type() {
        return LittleEndian.u16(buffer, offset + EventHeaderLayout.TYPE_OFFSET);
    }

    /** {@code header.version}: layout version of this event type. */
    public final int version() {
        return LittleEndian.u16(buffer, offset + EventHeaderLayout.VERSION_OFFSET);
    }

    /** {@code header.size}: size in bytes of the whole event, header included. */
    public final int size() {
        return LittleEndian.s32(buffer, offset + EventHeaderLayout.SIZE_OFFSET);
    }

    /** {@code header.cpu}: CPU the BPF program ran on when it emitted the event. */
    public final int cpu() {
        return LittleEndian.s32(buffer, offset + EventHeaderLayout.CPU_OFFSET);
    }

    /** {@code header.timestamp_ns}: CLOCK_MONOTONIC ns ({@code bpf_ktime_get_ns()}) of the event. */
    public final long timestampNs() {
        return LittleEndian.s64(buffer, offset + EventHeaderLayout.TIMESTAMP_NS_OFFSET);
    }

    /** Bytes before the first NUL of a fixed-capacity C string field (its capacity if none). */
    final int nulTerminatedLength(int index, int capacity) {
        for (int i = 0; i < capacity; i++) {
            if (buffer.get(index + i) == 0) {
                return i;
            }
        }
        return capacity;
    }
}
