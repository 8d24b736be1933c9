package dev.frameloop.core.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a {@link PolicyDecisionEvent} in its wire layout ({@link PolicyDecisionEventLayout}), header
 * included, so that userspace's decisions are recorded like the events BPF programs emit.
 */
public final class PolicyDecisionEventWriter {
    private PolicyDecisionEventWriter() {
    }

    /** Writes {@code event} at {@code offset} of {@code buffer} ({@link PolicyDecisionEventLayout#SIZE} bytes). */
    public static void write(PolicyDecisionEvent event, ByteBuffer buffer, int offset) {
        ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < PolicyDecisionEventLayout.SIZE; i++) {
            b.put(offset + i, (byte) 0);
        }
        b.putShort(offset + EventHeaderLayout.TYPE_OFFSET, (short) EventType.POLICY_DECISION.code());
        b.putShort(offset + EventHeaderLayout.VERSION_OFFSET, (short) EventType.POLICY_DECISION.version());
        b.putInt(offset + EventHeaderLayout.SIZE_OFFSET, PolicyDecisionEventLayout.SIZE);
        b.putInt(offset + EventHeaderLayout.CPU_OFFSET, event.cpu());
        b.putLong(offset + EventHeaderLayout.TIMESTAMP_NS_OFFSET, event.timestampNs());
        b.putInt(offset + PolicyDecisionEventLayout.PID_OFFSET, event.pid());
        b.putInt(offset + PolicyDecisionEventLayout.TID_OFFSET, event.tid());
        b.putLong(offset + PolicyDecisionEventLayout.EXPIRY_NS_OFFSET, event.expiryNs());
        b.putLong(offset + PolicyDecisionEventLayout.SLICE_NS_OFFSET, event.sliceNs());
        b.putInt(offset + PolicyDecisionEventLayout.BOOST_OFFSET, (int) event.boost());
        b.putInt(offset + PolicyDecisionEventLayout.CONFIDENCE_PPM_OFFSET, (int) event.confidencePpm());
        b.put(offset + PolicyDecisionEventLayout.ACTION_OFFSET, (byte) event.action().code());
        b.put(offset + PolicyDecisionEventLayout.ROLE_OFFSET, (byte) event.role().code());
        b.put(offset + PolicyDecisionEventLayout.HEURISTIC_OFFSET, (byte) event.heuristic().code());
        b.put(offset + PolicyDecisionEventLayout.REASON_OFFSET, (byte) event.reason().code());
        b.put(offset + PolicyDecisionEventLayout.DRY_RUN_OFFSET, (byte) (event.dryRun() ? 1 : 0));
    }
}
