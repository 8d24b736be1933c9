package dev.frameloop.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The scheduler changed the class of a thread.
 *
 * <p>Immutable value of one {@code struct fl_thread_class_event} for APIs; the hot path reads the
 * same fields in place with {@link ThreadClassEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id of the thread. Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id. Unsigned in C, always below 2<sup>31</sup>.
 * @param oldClass Class before the change, {@code enum fl_thread_class}.
 * @param newClass Class after the change, {@code enum fl_thread_class}.
 * @param method How the new class was detected, {@code enum fl_detection_method}.
 * @param confidence Confidence of the detection in per-mille (0..1000).
 * @param comm Thread comm, NUL-padded.
 */
public record ThreadClassEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        ThreadClass oldClass,
        ThreadClass newClass,
        DetectionMethod method,
        int confidence,
        byte[] comm) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public ThreadClassEvent {
        Objects.requireNonNull(oldClass, "oldClass");
        Objects.requireNonNull(newClass, "newClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(comm, "comm");
        if (comm.length > ThreadClassEventLayout.COMM_LENGTH) {
            throw new IllegalArgumentException(
                    "comm must hold at most " + ThreadClassEventLayout.COMM_LENGTH + " bytes, got " + comm.length);
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
        if (!(other instanceof ThreadClassEvent)) {
            return false;
        }
        ThreadClassEvent that = (ThreadClassEvent) other;
        return cpu == that.cpu
                && timestampNs == that.timestampNs
                && pid == that.pid
                && tid == that.tid
                && oldClass == that.oldClass
                && newClass == that.newClass
                && method == that.method
                && confidence == that.confidence
                && Arrays.equals(comm, that.comm);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(cpu, timestampNs, pid, tid, oldClass, newClass, method, confidence);
        hash = 31 * hash + Arrays.hashCode(comm);
        return hash;
    }

    @Override
    public String toString() {
        return "ThreadClassEvent[" + "cpu=" + cpu + ", "
                + "timestampNs=" + timestampNs + ", "
                + "pid=" + pid + ", "
                + "tid=" + tid + ", "
                + "oldClass=" + oldClass + ", "
                + "newClass=" + newClass + ", "
                + "method=" + method + ", "
                + "confidence=" + confidence + ", "
                + "comm=" + commText() + "]";
    }
}
