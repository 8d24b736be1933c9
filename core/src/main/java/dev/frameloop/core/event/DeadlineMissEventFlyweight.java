package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_deadline_miss_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * A task ran later than its deadline by more than the scheduler's threshold.
 *
 * @see DeadlineMissEventLayout
 */
public final class DeadlineMissEventFlyweight extends EventFlyweight {

    @Override
    public DeadlineMissEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id of the late task. Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + DeadlineMissEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id of the late task. Unsigned in C, always below 2<sup>31</sup>. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + DeadlineMissEventLayout.TID_OFFSET);
    }

    /** {@code expected_deadline_ns}: Deadline the scheduler gave the task (CLOCK_MONOTONIC ns). */
    public long expectedDeadlineNs() {
        return LittleEndian.s64(buffer, offset + DeadlineMissEventLayout.EXPECTED_DEADLINE_NS_OFFSET);
    }

    /** {@code actual_deadline_ns}: When the task actually ran (CLOCK_MONOTONIC ns). */
    public long actualDeadlineNs() {
        return LittleEndian.s64(buffer, offset + DeadlineMissEventLayout.ACTUAL_DEADLINE_NS_OFFSET);
    }

    /** {@code miss_ns}: actual_deadline_ns - expected_deadline_ns. */
    public long missNs() {
        return LittleEndian.s64(buffer, offset + DeadlineMissEventLayout.MISS_NS_OFFSET);
    }

    /** {@code run_cpu}: CPU the late task ran on. Unsigned in C, always below 2<sup>31</sup>. */
    public int runCpu() {
        return LittleEndian.s32(buffer, offset + DeadlineMissEventLayout.RUN_CPU_OFFSET);
    }

    /** {@code thread_class}: Class of the task, {@code enum fl_thread_class}. */
    public ThreadClass threadClass() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + DeadlineMissEventLayout.THREAD_CLASS_OFFSET));
    }

    /**
     * Copies the event into an immutable {@link DeadlineMissEvent} (allocates: for APIs, not the hot path).
     */
    public DeadlineMissEvent toRecord() {
        return new DeadlineMissEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                expectedDeadlineNs(),
                actualDeadlineNs(),
                missNs(),
                runCpu(),
                threadClass());
    }
}
