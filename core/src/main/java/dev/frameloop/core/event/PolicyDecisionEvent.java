package dev.frameloop.core.event;

import java.util.Objects;

/**
 * A decision of the closed loop (frameloop loop) about a boost_policy entry; written by userspace only.
 *
 * <p>Immutable value of one {@code struct fl_policy_decision_event} for APIs; the hot path reads the
 * same fields in place with {@link PolicyDecisionEventFlyweight}, and {@link PolicyDecisionEventWriter}
 * writes them.
 *
 * @param cpu CPU ({@code header.cpu}); 0: the loop decides in userspace.
 * @param timestampNs CLOCK_MONOTONIC ns when the loop decided ({@code header.timestamp_ns}).
 * @param pid Process id of the thread; 0 when the loop did not know it.
 * @param tid Thread id the entry is for.
 * @param expiryNs When the entry written expires (CLOCK_MONOTONIC ns); 0 for a delete.
 * @param sliceNs Time slice the entry grants; 0 for the role's default or a delete.
 * @param boost Boost in percent of the entry; 0 for the role's default or a delete.
 * @param confidencePpm The model's probability of the role, parts per million; 0 for a delete.
 * @param action What was done.
 * @param role Role written, or the role the deleted entry had.
 * @param heuristic The scheduler's own class of the thread when deciding.
 * @param reason Why.
 * @param dryRun True when no map was written (loop --dry-run).
 */
public record PolicyDecisionEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        long expiryNs,
        long sliceNs,
        long boost,
        long confidencePpm,
        PolicyAction action,
        ThreadClass role,
        ThreadClass heuristic,
        PolicyReason reason,
        boolean dryRun) {

    /** Checks the components. */
    public PolicyDecisionEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(heuristic, "heuristic");
        Objects.requireNonNull(reason, "reason");
    }
}
