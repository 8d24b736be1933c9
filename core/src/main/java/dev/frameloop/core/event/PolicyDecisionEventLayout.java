package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_policy_decision_event} (wire format in {@code
 * bpf/include/frameloop/events.h}):
 * A decision of the closed loop (frameloop loop) about a boost_policy entry; written by userspace only.
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
 *   |                           expiry_ns                           |  32
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                            slice_ns                           |  40
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                             boost                             |  48
 *   +---------------------------------------------------------------+
 *   |                         confidence_ppm                        |  52
 *   +---------------+---------------+---------------+---------------+
 *   |     action    |      role     |   heuristic   |     reason    |  56
 *   +---------------+---------------+---------------+---------------+
 *   |    dry_run    |      pad0     |              pad1             |  60
 *   +---------------+---------------+-------------------------------+
 * </pre>
 */
public final class PolicyDecisionEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_policy_decision_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id of the thread; 0 when the loop did not know it. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id the entry is for. */
    public static final int TID_OFFSET = 28;
    /** {@code __u64 expiry_ns}: When the entry written expires (CLOCK_MONOTONIC ns); 0 for a delete. */
    public static final int EXPIRY_NS_OFFSET = 32;
    /** {@code __u64 slice_ns}: Time slice the entry grants; 0 for the role's default or a delete. */
    public static final int SLICE_NS_OFFSET = 40;
    /** {@code __u32 boost}: Boost in percent of the entry; 0 for the role's default or a delete. */
    public static final int BOOST_OFFSET = 48;
    /** {@code __u32 confidence_ppm}: The model's probability of the role, parts per million; 0 for a delete. */
    public static final int CONFIDENCE_PPM_OFFSET = 52;
    /** {@code __u8 action}: What was done, {@code enum fl_policy_action}. */
    public static final int ACTION_OFFSET = 56;
    /** {@code __u8 role}: Role written, or the role the deleted entry had, {@code enum fl_thread_class}. */
    public static final int ROLE_OFFSET = 57;
    /** {@code __u8 heuristic}: The scheduler's own class of the thread when deciding, {@code enum fl_thread_class}. */
    public static final int HEURISTIC_OFFSET = 58;
    /** {@code __u8 reason}: Why, {@code enum fl_policy_reason}. */
    public static final int REASON_OFFSET = 59;
    /** {@code __u8 dry_run}: 1 when no map was written (loop --dry-run), else 0. */
    public static final int DRY_RUN_OFFSET = 60;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 61;
    /** {@code __u16 pad1}: Explicit padding, always 0. */
    public static final int PAD1_OFFSET = 62;

    /** Size in bytes of {@code struct fl_policy_decision_event}. */
    public static final int SIZE = 64;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("expiry_ns", EXPIRY_NS_OFFSET, 8),
            new FieldLayout("slice_ns", SLICE_NS_OFFSET, 8),
            new FieldLayout("boost", BOOST_OFFSET, 4),
            new FieldLayout("confidence_ppm", CONFIDENCE_PPM_OFFSET, 4),
            new FieldLayout("action", ACTION_OFFSET, 1),
            new FieldLayout("role", ROLE_OFFSET, 1),
            new FieldLayout("heuristic", HEURISTIC_OFFSET, 1),
            new FieldLayout("reason", REASON_OFFSET, 1),
            new FieldLayout("dry_run", DRY_RUN_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("pad1", PAD1_OFFSET, 2)));

    private PolicyDecisionEventLayout() {
    }
}
