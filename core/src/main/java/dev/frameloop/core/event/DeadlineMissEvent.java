package dev.frameloop.core.event;

import java.util.Objects;

/**
 * A task ran later than its deadline by more than the scheduler's threshold.
 *
 * <p>Immutable value of one {@code struct fl_deadline_miss_event} for APIs; the hot path reads the
 * same fields in place with {@link DeadlineMissEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id of the late task. Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id of the late task. Unsigned in C, always below 2<sup>31</sup>.
 * @param expectedDeadlineNs Deadline the scheduler gave the task (CLOCK_MONOTONIC ns).
 * @param actualDeadlineNs When the task actually ran (CLOCK_MONOTONIC ns).
 * @param missNs actual_deadline_ns - expected_deadline_ns.
 * @param runCpu CPU the late task ran on. Unsigned in C, always below 2<sup>31</sup>.
 * @param threadClass Class of the task, {@code enum fl_thread_class}.
 */
public record DeadlineMissEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        long expectedDeadlineNs,
        long actualDeadlineNs,
        long missNs,
        int runCpu,
        ThreadClass threadClass) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public DeadlineMissEvent {
        Objects.requireNonNull(threadClass, "threadClass");
    }
}
