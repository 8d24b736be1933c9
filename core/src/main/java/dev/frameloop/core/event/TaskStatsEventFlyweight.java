package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_task_stats_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * Per-thread scheduling statistics over one window, for threads that ran in it.
 *
 * @see TaskStatsEventLayout
 */
public final class TaskStatsEventFlyweight extends EventFlyweight {

    @Override
    public TaskStatsEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id. Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + TaskStatsEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id. Unsigned in C, always below 2<sup>31</sup>. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + TaskStatsEventLayout.TID_OFFSET);
    }

    /** Number of bytes of {@code comm} before its first NUL (at most its capacity). */
    public int commLength() {
        return nulTerminatedLength(offset + TaskStatsEventLayout.COMM_OFFSET,
                TaskStatsEventLayout.COMM_LENGTH);
    }

    /**
     * Copies the valid bytes of {@code comm} ({@link #commLength()} of them) into {@code dst}.
     * Thread comm, NUL-padded.
     *
     * @return the number of bytes copied
     */
    public int copyComm(byte[] dst, int dstOffset) {
        int length = commLength();
        buffer.get(offset + TaskStatsEventLayout.COMM_OFFSET, dst, dstOffset, length);
        return length;
    }

    /** {@code window_start_ns}: Start of the window (CLOCK_MONOTONIC ns). */
    public long windowStartNs() {
        return LittleEndian.s64(buffer, offset + TaskStatsEventLayout.WINDOW_START_NS_OFFSET);
    }

    /** {@code window_ns}: Length of the window in ns. */
    public long windowNs() {
        return LittleEndian.s64(buffer, offset + TaskStatsEventLayout.WINDOW_NS_OFFSET);
    }

    /** {@code run_time_ns}: Time the thread ran in the window. */
    public long runTimeNs() {
        return LittleEndian.s64(buffer, offset + TaskStatsEventLayout.RUN_TIME_NS_OFFSET);
    }

    /** {@code wake_to_run_sum_ns}: Sum over the window's wakeups of wakeup-to-run latency. */
    public long wakeToRunSumNs() {
        return LittleEndian.s64(buffer, offset + TaskStatsEventLayout.WAKE_TO_RUN_SUM_NS_OFFSET);
    }

    /** {@code wake_to_run_max_ns}: Largest wakeup-to-run latency in the window. */
    public long wakeToRunMaxNs() {
        return LittleEndian.s64(buffer, offset + TaskStatsEventLayout.WAKE_TO_RUN_MAX_NS_OFFSET);
    }

    /** {@code wakeups}: Wakeups in the window. */
    public long wakeups() {
        return LittleEndian.u32(buffer, offset + TaskStatsEventLayout.WAKEUPS_OFFSET);
    }

    /** {@code voluntary_switches}: Times the thread blocked or yielded in the window. */
    public long voluntarySwitches() {
        return LittleEndian.u32(buffer, offset + TaskStatsEventLayout.VOLUNTARY_SWITCHES_OFFSET);
    }

    /** {@code involuntary_switches}: Times the thread was preempted in the window. */
    public long involuntarySwitches() {
        return LittleEndian.u32(buffer, offset + TaskStatsEventLayout.INVOLUNTARY_SWITCHES_OFFSET);
    }

    /** {@code migrations}: CPU changes in the window. */
    public long migrations() {
        return LittleEndian.u32(buffer, offset + TaskStatsEventLayout.MIGRATIONS_OFFSET);
    }

    /** {@code last_cpu}: CPU the thread last ran on. Unsigned in C, always below 2<sup>31</sup>. */
    public int lastCpu() {
        return LittleEndian.s32(buffer, offset + TaskStatsEventLayout.LAST_CPU_OFFSET);
    }

    /** {@code thread_class}: Class of the thread at the end of the window, {@code enum fl_thread_class}. */
    public ThreadClass threadClass() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + TaskStatsEventLayout.THREAD_CLASS_OFFSET));
    }

    /** Copies the event into an immutable {@link TaskStatsEvent} (allocates: for APIs, not the hot path). */
    public TaskStatsEvent toRecord() {
        return new TaskStatsEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                commBytes(),
                windowStartNs(),
                windowNs(),
                runTimeNs(),
                wakeToRunSumNs(),
                wakeToRunMaxNs(),
                wakeups(),
                voluntarySwitches(),
                involuntarySwitches(),
                migrations(),
                lastCpu(),
                threadClass());
    }

    private byte[] commBytes() {
        byte[] bytes = new byte[commLength()];
        copyComm(bytes, 0);
        return bytes;
    }
}
