package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_migration_event} (wire format in {@code bpf/include/frameloop/events.h}):
 * A task moved from one CPU to another.
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
 *   |                            from_cpu                           |  32
 *   +---------------------------------------------------------------+
 *   |                             to_cpu                            |  36
 *   +---------------------------------------------------------------+
 *   |                           latency_ns                          |  40
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |     reason    |  thread_class |     source    |      pad0     |  48
 *   +---------------+---------------+---------------+---------------+
 *   |                              pad1                             |  52
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class MigrationEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_migration_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id of the migrated task. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id of the migrated task. */
    public static final int TID_OFFSET = 28;
    /** {@code __u32 from_cpu}: CPU the task left. */
    public static final int FROM_CPU_OFFSET = 32;
    /** {@code __u32 to_cpu}: CPU the task moved to. */
    public static final int TO_CPU_OFFSET = 36;
    /**
     * {@code __u64 latency_ns}: What the move cost: migration decision to first run on to_cpu; 0 when
     * unknown.
     */
    public static final int LATENCY_NS_OFFSET = 40;
    /** {@code __u8 reason}: Why the task moved, {@code enum fl_migration_reason}. */
    public static final int REASON_OFFSET = 48;
    /** {@code __u8 thread_class}: Class of the task when it moved, {@code enum fl_thread_class}. */
    public static final int THREAD_CLASS_OFFSET = 49;
    /** {@code __u8 source}: Hook that saw the move, {@code enum fl_migration_source}. */
    public static final int SOURCE_OFFSET = 50;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 51;
    /** {@code __u32 pad1}: Explicit padding, always 0. */
    public static final int PAD1_OFFSET = 52;

    /** Size in bytes of {@code struct fl_migration_event}. */
    public static final int SIZE = 56;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("from_cpu", FROM_CPU_OFFSET, 4),
            new FieldLayout("to_cpu", TO_CPU_OFFSET, 4),
            new FieldLayout("latency_ns", LATENCY_NS_OFFSET, 8),
            new FieldLayout("reason", REASON_OFFSET, 1),
            new FieldLayout("thread_class", THREAD_CLASS_OFFSET, 1),
            new FieldLayout("source", SOURCE_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("pad1", PAD1_OFFSET, 4)));

    private MigrationEventLayout() {
    }
}
