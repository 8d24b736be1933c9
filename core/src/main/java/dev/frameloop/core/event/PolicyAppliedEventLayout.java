package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_policy_applied_event} (wire format in {@code
 * bpf/include/frameloop/events.h}):
 * The scheduler used a boost_policy entry for the first time; the loop's latency is measured on it.
 *
 * <p>Little-endian, offsets in bytes from the start of the record. The layout check
 * ({@code dev.frameloop.core.btf.LayoutVerifier}) compares {@link #LAYOUT} with the BTF of the
 * compiled BPF object, field by field.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                       header (24 bytes)                       |  0
 *   |                              ...                              |
 *   +---------------------------------------------------------------+
 *   |                              pid                              |  24
 *   +---------------------------------------------------------------+
 *   |                              tid                              |  28
 *   +---------------------------------------------------------------+
 *   |                       entry_timestamp_ns                      |  32
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                           expiry_ns                           |  40
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                            slice_ns                           |  48
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                             boost                             |  56
 *   +---------------------------------------------------------------+
 *   |      role     |      pad0     |              pad1             |  60
 *   +---------------+---------------+-------------------------------+
 * </pre>
 */
public final class PolicyAppliedEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_policy_applied_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id of the boosted thread. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id the entry is for. */
    public static final int TID_OFFSET = 28;
    /**
     * {@code __u64 entry_timestamp_ns}: When userspace wrote the entry (CLOCK_MONOTONIC ns, from the entry).
     */
    public static final int ENTRY_TIMESTAMP_NS_OFFSET = 32;
    /** {@code __u64 expiry_ns}: When the entry expires (CLOCK_MONOTONIC ns). */
    public static final int EXPIRY_NS_OFFSET = 40;
    /** {@code __u64 slice_ns}: Time slice the entry grants. */
    public static final int SLICE_NS_OFFSET = 48;
    /** {@code __u32 boost}: Boost level of the entry. */
    public static final int BOOST_OFFSET = 56;
    /** {@code __u8 role}: Role the entry assigns, {@code enum fl_thread_class}. */
    public static final int ROLE_OFFSET = 60;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 61;
    /** {@code __u16 pad1}: Explicit padding, always 0. */
    public static final int PAD1_OFFSET = 62;

    /** Size in bytes of {@code struct fl_policy_applied_event}. */
    public static final int SIZE = 64;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("entry_timestamp_ns", ENTRY_TIMESTAMP_NS_OFFSET, 8),
            new FieldLayout("expiry_ns", EXPIRY_NS_OFFSET, 8),
            new FieldLayout("slice_ns", SLICE_NS_OFFSET, 8),
            new FieldLayout("boost", BOOST_OFFSET, 4),
            new FieldLayout("role", ROLE_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("pad1", PAD1_OFFSET, 2)));

    private PolicyAppliedEventLayout() {
    }
}
