package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_policy_applied_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * The scheduler used a boost_policy entry for the first time; the loop's latency is measured on it.
 *
 * @see PolicyAppliedEventLayout
 */
public final class PolicyAppliedEventFlyweight extends EventFlyweight {

    @Override
    public PolicyAppliedEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id of the boosted thread. Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + PolicyAppliedEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id the entry is for. Unsigned in C, always below 2<sup>31</sup>. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + PolicyAppliedEventLayout.TID_OFFSET);
    }

    /** {@code entry_timestamp_ns}: When userspace wrote the entry (CLOCK_MONOTONIC ns, from the entry). */
    public long entryTimestampNs() {
        return LittleEndian.s64(buffer, offset + PolicyAppliedEventLayout.ENTRY_TIMESTAMP_NS_OFFSET);
    }

    /** {@code expiry_ns}: When the entry expires (CLOCK_MONOTONIC ns). */
    public long expiryNs() {
        return LittleEndian.s64(buffer, offset + PolicyAppliedEventLayout.EXPIRY_NS_OFFSET);
    }

    /** {@code slice_ns}: Time slice the entry grants. */
    public long sliceNs() {
        return LittleEndian.s64(buffer, offset + PolicyAppliedEventLayout.SLICE_NS_OFFSET);
    }

    /** {@code boost}: Boost level of the entry. */
    public long boost() {
        return LittleEndian.u32(buffer, offset + PolicyAppliedEventLayout.BOOST_OFFSET);
    }

    /** {@code role}: Role the entry assigns, {@code enum fl_thread_class}. */
    public ThreadClass role() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + PolicyAppliedEventLayout.ROLE_OFFSET));
    }

    /**
     * Copies the event into an immutable {@link PolicyAppliedEvent} (allocates: for APIs, not the hot path).
     */
    public PolicyAppliedEvent toRecord() {
        return new PolicyAppliedEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                entryTimestampNs(),
                expiryNs(),
                sliceNs(),
                boost(),
                role());
    }
}
