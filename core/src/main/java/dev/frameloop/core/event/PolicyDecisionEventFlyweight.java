package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_policy_decision_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the call that gave it the buffer.
 * A decision of the closed loop (frameloop loop) about a boost_policy entry.
 *
 * @see PolicyDecisionEventLayout
 */
public final class PolicyDecisionEventFlyweight extends EventFlyweight {

    @Override
    public PolicyDecisionEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id of the thread; 0 when the loop did not know it. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + PolicyDecisionEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id the entry is for. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + PolicyDecisionEventLayout.TID_OFFSET);
    }

    /** {@code expiry_ns}: When the entry written expires (CLOCK_MONOTONIC ns); 0 for a delete. */
    public long expiryNs() {
        return LittleEndian.s64(buffer, offset + PolicyDecisionEventLayout.EXPIRY_NS_OFFSET);
    }

    /** {@code slice_ns}: Time slice the entry grants; 0 for the role's default or a delete. */
    public long sliceNs() {
        return LittleEndian.s64(buffer, offset + PolicyDecisionEventLayout.SLICE_NS_OFFSET);
    }

    /** {@code boost}: Boost in percent of the entry; 0 for the role's default or a delete. */
    public long boost() {
        return LittleEndian.u32(buffer, offset + PolicyDecisionEventLayout.BOOST_OFFSET);
    }

    /** {@code confidence_ppm}: The model's probability of the role, parts per million; 0 for a delete. */
    public long confidencePpm() {
        return LittleEndian.u32(buffer, offset + PolicyDecisionEventLayout.CONFIDENCE_PPM_OFFSET);
    }

    /** {@code action}: What was done, {@code enum fl_policy_action}. */
    public PolicyAction action() {
        return PolicyAction.fromCode(LittleEndian.u8(buffer, offset + PolicyDecisionEventLayout.ACTION_OFFSET));
    }

    /** {@code role}: Role written, or the role the deleted entry had. */
    public ThreadClass role() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + PolicyDecisionEventLayout.ROLE_OFFSET));
    }

    /** {@code heuristic}: The scheduler's own class of the thread when deciding. */
    public ThreadClass heuristic() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + PolicyDecisionEventLayout.HEURISTIC_OFFSET));
    }

    /** {@code reason}: Why, {@code enum fl_policy_reason}. */
    public PolicyReason reason() {
        return PolicyReason.fromCode(LittleEndian.u8(buffer, offset + PolicyDecisionEventLayout.REASON_OFFSET));
    }

    /** {@code dry_run}: no map was written (loop --dry-run). */
    public boolean dryRun() {
        return LittleEndian.u8(buffer, offset + PolicyDecisionEventLayout.DRY_RUN_OFFSET) != 0;
    }

    /** Copies the event into an immutable {@link PolicyDecisionEvent} (allocates: for APIs, not the hot path). */
    public PolicyDecisionEvent toRecord() {
        return new PolicyDecisionEvent(cpu(), timestampNs(), pid(), tid(), expiryNs(), sliceNs(), boost(),
                confidencePpm(), action(), role(), heuristic(), reason(), dryRun());
    }
}
