package dev.frameloop.core.event;

import java.util.Objects;

/**
 * The scheduler used a boost_policy entry for the first time; the loop's latency is measured on it.
 *
 * <p>Immutable value of one {@code struct fl_policy_applied_event} for APIs; the hot path reads the
 * same fields in place with {@link PolicyAppliedEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id of the boosted thread. Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id the entry is for. Unsigned in C, always below 2<sup>31</sup>.
 * @param entryTimestampNs When userspace wrote the entry (CLOCK_MONOTONIC ns, from the entry).
 * @param expiryNs When the entry expires (CLOCK_MONOTONIC ns).
 * @param sliceNs Time slice the entry grants.
 * @param boost Boost level of the entry.
 * @param role Role the entry assigns, {@code enum fl_thread_class}.
 */
public record PolicyAppliedEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        long entryTimestampNs,
        long expiryNs,
        long sliceNs,
        long boost,
        ThreadClass role) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public PolicyAppliedEvent {
        Objects.requireNonNull(role, "role");
    }
}
