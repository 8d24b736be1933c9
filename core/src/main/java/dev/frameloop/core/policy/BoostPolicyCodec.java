package dev.frameloop.core.policy;

import dev.frameloop.core.event.ThreadClass;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes and decodes {@code boost_policy} keys and values ({@link BoostPolicyLayout}), little-endian. */
public final class BoostPolicyCodec {
    private BoostPolicyCodec() {
    }

    /** Writes the map key of {@code tid} at {@code offset}. */
    public static void encodeKey(int tid, ByteBuffer buffer, int offset) {
        le(buffer).putInt(offset, tid);
    }

    /** Writes the whole value as userspace writes it: the scheduler's fields (flags, applied_ns) and padding are 0. */
    public static void encode(BoostPolicy policy, ByteBuffer buffer, int offset) {
        ByteBuffer b = le(buffer);
        b.putLong(offset + BoostPolicyLayout.ENTRY_TIMESTAMP_NS_OFFSET, policy.entryTimestampNs());
        b.putLong(offset + BoostPolicyLayout.EXPIRY_NS_OFFSET, policy.expiryNs());
        b.putLong(offset + BoostPolicyLayout.SLICE_NS_OFFSET, policy.sliceNs());
        b.putLong(offset + BoostPolicyLayout.APPLIED_NS_OFFSET, 0);
        b.putInt(offset + BoostPolicyLayout.BOOST_OFFSET, policy.boostPercent());
        b.putInt(offset + BoostPolicyLayout.FLAGS_OFFSET, 0);
        b.put(offset + BoostPolicyLayout.ROLE_OFFSET, (byte) policy.role().code());
        b.put(offset + BoostPolicyLayout.PAD0_OFFSET, (byte) 0);
        b.putShort(offset + BoostPolicyLayout.PAD1_OFFSET, (short) 0);
        b.putInt(offset + BoostPolicyLayout.PAD2_OFFSET, 0);
    }

    /**
     * Reads the value at {@code offset} for thread {@code tid}.
     *
     * @throws IllegalArgumentException when the bytes do not hold a valid entry (e.g. written by another tool)
     */
    public static BoostPolicyEntry decode(int tid, ByteBuffer buffer, int offset) {
        ByteBuffer b = le(buffer);
        int role = b.get(offset + BoostPolicyLayout.ROLE_OFFSET) & 0xFF;
        ThreadClass roleClass = ThreadClass.fromCode(role);
        if (roleClass.code() != role) {
            throw new IllegalArgumentException("boost_policy entry of tid " + tid + " has an unknown role " + role);
        }
        BoostPolicy policy = new BoostPolicy(tid, roleClass,
                b.getInt(offset + BoostPolicyLayout.BOOST_OFFSET),
                b.getLong(offset + BoostPolicyLayout.SLICE_NS_OFFSET),
                b.getLong(offset + BoostPolicyLayout.ENTRY_TIMESTAMP_NS_OFFSET),
                b.getLong(offset + BoostPolicyLayout.EXPIRY_NS_OFFSET));
        int flags = b.getInt(offset + BoostPolicyLayout.FLAGS_OFFSET);
        return new BoostPolicyEntry(policy, (flags & BoostPolicyLayout.FLAG_APPLIED) != 0,
                (flags & BoostPolicyLayout.FLAG_EXPIRED) != 0, b.getLong(offset + BoostPolicyLayout.APPLIED_NS_OFFSET));
    }

    /** Reads {@code boost_policy_ctl.generation} at {@code offset}. */
    public static long decodeGeneration(ByteBuffer buffer, int offset) {
        return le(buffer).getLong(offset + BoostPolicyLayout.CTL_GENERATION_OFFSET);
    }

    /** Writes {@code boost_policy_ctl.generation} at {@code offset}. */
    public static void encodeGeneration(long generation, ByteBuffer buffer, int offset) {
        le(buffer).putLong(offset + BoostPolicyLayout.CTL_GENERATION_OFFSET, generation);
    }

    private static ByteBuffer le(ByteBuffer buffer) {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }
}
