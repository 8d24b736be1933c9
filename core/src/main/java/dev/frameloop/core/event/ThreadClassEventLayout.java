package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_thread_class_event} (wire format in {@code
 * bpf/include/frameloop/events.h}):
 * The scheduler changed the class of a thread.
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
 *   |   old_class   |   new_class   |     method    |      pad0     |  32
 *   +---------------+---------------+---------------+---------------+
 *   |           confidence          |              pad1             |  36
 *   +-------------------------------+-------------------------------+
 *   |                        comm (16 bytes)                        |  40
 *   |                              ...                              |
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class ThreadClassEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_thread_class_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id of the thread. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id. */
    public static final int TID_OFFSET = 28;
    /** {@code __u8 old_class}: Class before the change, {@code enum fl_thread_class}. */
    public static final int OLD_CLASS_OFFSET = 32;
    /** {@code __u8 new_class}: Class after the change, {@code enum fl_thread_class}. */
    public static final int NEW_CLASS_OFFSET = 33;
    /** {@code __u8 method}: How the new class was detected, {@code enum fl_detection_method}. */
    public static final int METHOD_OFFSET = 34;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 35;
    /** {@code __u16 confidence}: Confidence of the detection in per-mille (0..1000). */
    public static final int CONFIDENCE_OFFSET = 36;
    /** {@code __u16 pad1}: Explicit padding, always 0. */
    public static final int PAD1_OFFSET = 38;
    /** {@code char[16] comm}: Thread comm, NUL-padded. */
    public static final int COMM_OFFSET = 40;
    /** Capacity in bytes of {@code comm}. */
    public static final int COMM_LENGTH = 16;

    /** Size in bytes of {@code struct fl_thread_class_event}. */
    public static final int SIZE = 56;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("old_class", OLD_CLASS_OFFSET, 1),
            new FieldLayout("new_class", NEW_CLASS_OFFSET, 1),
            new FieldLayout("method", METHOD_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("confidence", CONFIDENCE_OFFSET, 2),
            new FieldLayout("pad1", PAD1_OFFSET, 2),
            new FieldLayout("comm", COMM_OFFSET, COMM_LENGTH)));

    private ThreadClassEventLayout() {
    }
}
