package dev.frameloop.core.policy;

import java.util.Objects;

/**
 * A {@code boost_policy} entry as read back from the map: what userspace wrote, and what the scheduler
 * noted in it.
 *
 * @param policy    what userspace wrote
 * @param applied   the scheduler used this write (it emitted one policy-applied event for it)
 * @param expired   the scheduler found the entry expired and ignored it
 * @param appliedNs when the scheduler first used this write (CLOCK_MONOTONIC ns); 0 before
 */
public record BoostPolicyEntry(BoostPolicy policy, boolean applied, boolean expired, long appliedNs) {
    public BoostPolicyEntry {
        Objects.requireNonNull(policy, "policy");
        if (appliedNs < 0 || (applied && appliedNs == 0)) {
            throw new IllegalArgumentException("appliedNs must be > 0 when applied and >= 0 otherwise, was " + appliedNs);
        }
    }

    /** Time from the write to its first use by the scheduler, ns; -1 before it was applied. */
    public long applyLatencyNs() {
        return applied ? appliedNs - policy.entryTimestampNs() : -1;
    }
}
