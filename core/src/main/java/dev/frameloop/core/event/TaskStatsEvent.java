package dev.frameloop.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-thread scheduling statistics over one window, for threads that ran in it.
 *
 * <p>Immutable value of one {@code struct fl_task_stats_event} for APIs; the hot path reads the
 * same fields in place with {@link TaskStatsEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id. Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id. Unsigned in C, always below 2<sup>31</sup>.
 * @param comm Thread comm, NUL-padded.
 * @param windowStartNs Start of the window (CLOCK_MONOTONIC ns).
 * @param windowNs Length of the window in ns.
 * @param runTimeNs Time the thread ran in the window.
 * @param wakeToRunSumNs Sum over the window's wakeups of wakeup-to-run latency.
 * @param wakeToRunMaxNs Largest wakeup-to-run latency in the window.
 * @param wakeups Wakeups in the window.
 * @param voluntarySwitches Times the thread blocked or yielded in the window.
 * @param involuntarySwitches Times the thread was preempted in the window.
 * @param migrations CPU changes in the window.
 * @param lastCpu CPU the thread last ran on. Unsigned in C, always below 2<sup>31</sup>.
 * @param threadClass Class of the thread at the end of the window, {@code enum fl_thread_class}.
 */
public record TaskStatsEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        byte[] comm,
        long windowStartNs,
        long windowNs,
        long runTimeNs,
        long wakeToRunSumNs,
        long wakeToRunMaxNs,
        long wakeups,
        long voluntarySwitches,
        long involuntarySwitches,
        long migrations,
        int lastCpu,
        ThreadClass threadClass) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public TaskStatsEvent {
        Objects.requireNonNull(threadClass, "threadClass");
        Objects.requireNonNull(comm, "comm");
        if (comm.length > TaskStatsEventLayout.COMM_LENGTH) {
            throw new IllegalArgumentException(
                    "comm must hold at most " + TaskStatsEventLayout.COMM_LENGTH + " bytes, got " + comm.length);
        }
        comm = comm.clone();
    }

    /** The valid bytes of {@code comm} (a copy). */
    @Override
    public byte[] comm() {
        return comm.clone();
    }

    /** {@code comm} decoded as UTF-8 (the kernel does not promise an encoding), for display. */
    public String commText() {
        return new String(comm, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TaskStatsEvent)) {
            return false;
        }
        TaskStatsEvent that = (TaskStatsEvent) other;
        return cpu == that.cpu
                && timestampNs == that.timestampNs
                && pid == that.pid
                && tid == that.tid
                && Arrays.equals(comm, that.comm)
                && windowStartNs == that.windowStartNs
                && windowNs == that.windowNs
                && runTimeNs == that.runTimeNs
                && wakeToRunSumNs == that.wakeToRunSumNs
                && wakeToRunMaxNs == that.wakeToRunMaxNs
                && wakeups == that.wakeups
                && voluntarySwitches == that.voluntarySwitches
                && involuntarySwitches == that.involuntarySwitches
                && migrations == that.migrations
                && lastCpu == that.lastCpu
                && threadClass == that.threadClass;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(cpu, timestampNs, pid, tid, windowStartNs, windowNs, runTimeNs, wakeToRunSumNs, wakeToRunMaxNs, wakeups, voluntarySwitches, involuntarySwitches, migrations, lastCpu, threadClass);
        hash = 31 * hash + Arrays.hashCode(comm);
        return hash;
    }

    @Override
    public String toString() {
        return "TaskStatsEvent[" + "cpu=" + cpu + ", "
                + "timestampNs=" + timestampNs + ", "
                + "pid=" + pid + ", "
                + "tid=" + tid + ", "
                + "comm=" + commText() + ", "
                + "windowStartNs=" + windowStartNs + ", "
                + "windowNs=" + windowNs + ", "
                + "runTimeNs=" + runTimeNs + ", "
                + "wakeToRunSumNs=" + wakeToRunSumNs + ", "
                + "wakeToRunMaxNs=" + wakeToRunMaxNs + ", "
                + "wakeups=" + wakeups + ", "
                + "voluntarySwitches=" + voluntarySwitches + ", "
                + "involuntarySwitches=" + involuntarySwitches + ", "
                + "migrations=" + migrations + ", "
                + "lastCpu=" + lastCpu + ", "
                + "threadClass=" + threadClass + "]";
    }
}
