package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_thread_class_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * The scheduler changed the class of a thread.
 *
 * @see ThreadClassEventLayout
 */
public final class ThreadClassEventFlyweight extends EventFlyweight {

    @Override
    public ThreadClassEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id of the thread. Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + ThreadClassEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id. Unsigned in C, always below 2<sup>31</sup>. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + ThreadClassEventLayout.TID_OFFSET);
    }

    /** {@code old_class}: Class before the change, {@code enum fl_thread_class}. */
    public ThreadClass oldClass() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + ThreadClassEventLayout.OLD_CLASS_OFFSET));
    }

    /** {@code new_class}: Class after the change, {@code enum fl_thread_class}. */
    public ThreadClass newClass() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + ThreadClassEventLayout.NEW_CLASS_OFFSET));
    }

    /** {@code method}: How the new class was detected, {@code enum fl_detection_method}. */
    public DetectionMethod method() {
        return DetectionMethod.fromCode(LittleEndian.u8(buffer, offset + ThreadClassEventLayout.METHOD_OFFSET));
    }

    /** {@code confidence}: Confidence of the detection in per-mille (0..1000). */
    public int confidence() {
        return LittleEndian.u16(buffer, offset + ThreadClassEventLayout.CONFIDENCE_OFFSET);
    }

    /** Number of bytes of {@code comm} before its first NUL (at most its capacity). */
    public int commLength() {
        return nulTerminatedLength(offset + ThreadClassEventLayout.COMM_OFFSET,
                ThreadClassEventLayout.COMM_LENGTH);
    }

    /**
     * Copies the valid bytes of {@code comm} ({@link #commLength()} of them) into {@code dst}.
     * Thread comm, NUL-padded.
     *
     * @return the number of bytes copied
     */
    public int copyComm(byte[] dst, int dstOffset) {
        int length = commLength();
        buffer.get(offset + ThreadClassEventLayout.COMM_OFFSET, dst, dstOffset, length);
        return length;
    }

    /**
     * Copies the event into an immutable {@link ThreadClassEvent} (allocates: for APIs, not the hot path).
     */
    public ThreadClassEvent toRecord() {
        return new ThreadClassEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                oldClass(),
                newClass(),
                method(),
                confidence(),
                commBytes());
    }

    private byte[] commBytes() {
        byte[] bytes = new byte[commLength()];
        copyComm(bytes, 0);
        return bytes;
    }
}
