package dev.frameloop.core.policy;

import dev.frameloop.core.event.FieldLayout;
import dev.frameloop.core.event.StructLayout;

import java.util.List;

/**
 * Byte layout of {@code struct fl_boost_policy}, the value of the gamer scheduler's {@code boost_policy}
 * map (key: the thread id, {@code __u32}), and of {@code struct fl_boost_policy_ctl}, the value of
 * {@code boost_policy_ctl[0]} (source: {@code bpf/include/frameloop/policy.h}, which also states the
 * protocol). The check ({@code dev.frameloop.core.btf.LayoutVerifier}) compares both with the BTF of
 * {@code gamer.bpf.o}.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                       entry_timestamp_ns                      |  0   userspace
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                           expiry_ns                           |  8   userspace
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                            slice_ns                           |  16  userspace (0: role default)
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                           applied_ns                          |  24  scheduler (userspace writes 0)
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                             boost                             |  32  userspace (0: role default)
 *   +---------------------------------------------------------------+
 *   |                             flags                             |  36  scheduler (userspace writes 0)
 *   +---------------+---------------+-------------------------------+
 *   |      role     |      pad0     |              pad1             |  40  userspace
 *   +---------------+---------------+-------------------------------+
 *   |                              pad2                             |  44
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class BoostPolicyLayout {
    /** Name of the C struct of a map value. */
    public static final String STRUCT_NAME = "fl_boost_policy";
    /** Name of the C struct of the control value. */
    public static final String CTL_STRUCT_NAME = "fl_boost_policy_ctl";

    public static final int ENTRY_TIMESTAMP_NS_OFFSET = 0;
    public static final int EXPIRY_NS_OFFSET = 8;
    public static final int SLICE_NS_OFFSET = 16;
    public static final int APPLIED_NS_OFFSET = 24;
    public static final int BOOST_OFFSET = 32;
    public static final int FLAGS_OFFSET = 36;
    public static final int ROLE_OFFSET = 40;
    public static final int PAD0_OFFSET = 41;
    public static final int PAD1_OFFSET = 42;
    public static final int PAD2_OFFSET = 44;

    /** {@code sizeof(struct fl_boost_policy)}. */
    public static final int SIZE = 48;
    /** Size of the map key: a {@code __u32} thread id. */
    public static final int KEY_SIZE = 4;

    /** {@code fl_boost_policy_ctl.generation}: incremented by userspace after every write or delete. */
    public static final int CTL_GENERATION_OFFSET = 0;
    /** {@code sizeof(struct fl_boost_policy_ctl)}. */
    public static final int CTL_SIZE = 8;

    /** Bit of {@code flags}: the scheduler used this write of the entry. */
    public static final int FLAG_APPLIED = 1;
    /** Bit of {@code flags}: the scheduler found the entry expired and ignored it. */
    public static final int FLAG_EXPIRED = 2;

    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("entry_timestamp_ns", ENTRY_TIMESTAMP_NS_OFFSET, 8),
            new FieldLayout("expiry_ns", EXPIRY_NS_OFFSET, 8),
            new FieldLayout("slice_ns", SLICE_NS_OFFSET, 8),
            new FieldLayout("applied_ns", APPLIED_NS_OFFSET, 8),
            new FieldLayout("boost", BOOST_OFFSET, 4),
            new FieldLayout("flags", FLAGS_OFFSET, 4),
            new FieldLayout("role", ROLE_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("pad1", PAD1_OFFSET, 2),
            new FieldLayout("pad2", PAD2_OFFSET, 4)));

    public static final StructLayout CTL_LAYOUT = new StructLayout(CTL_STRUCT_NAME, CTL_SIZE, List.of(
            new FieldLayout("generation", CTL_GENERATION_OFFSET, 8)));

    /** Both structs, for the layout check. */
    public static final List<StructLayout> STRUCTS = List.of(LAYOUT, CTL_LAYOUT);

    private BoostPolicyLayout() {
    }
}
