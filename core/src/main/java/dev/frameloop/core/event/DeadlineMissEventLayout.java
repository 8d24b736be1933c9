package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_deadline_miss_event} (wire format in {@code
 * bpf/include/frameloop/events.h}):
 * A task ran later than its deadline by more than the scheduler's threshold.
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
 *   |                      expected_deadline_ns                     |  32
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                       actual_deadline_ns                      |  40
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                            miss_ns                            |  48
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                            run_cpu                            |  56
 *   +---------------------------------------------------------------+
 *   |  thread_class |      pad0     |              pad1             |  60
 *   +---------------+---------------+-------------------------------+
 * </pre>
 */
public final class DeadlineMissEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_deadline_miss_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id of the late task. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id of the late task. */
    public static final int TID_OFFSET = 28;
    /** {@code __u64 expected_deadline_ns}: Deadline the scheduler gave the task (CLOCK_MONOTONIC ns). */
    public static final int EXPECTED_DEADLINE_NS_OFFSET = 32;
    /** {@code __u64 actual_deadline_ns}: When the task actually ran (CLOCK_MONOTONIC ns). */
    public static final int ACTUAL_DEADLINE_NS_OFFSET = 40;
    /** {@code __u64 miss_ns}: actual_deadline_ns - expected_deadline_ns. */
    public static final int MISS_NS_OFFSET = 48;
    /** {@code __u32 run_cpu}: CPU the late task ran on. */
    public static final int RUN_CPU_OFFSET = 56;
    /** {@code __u8 thread_class}: Class of the task, {@code enum fl_thread_class}. */
    public static final int THREAD_CLASS_OFFSET = 60;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 61;
    /** {@code __u16 pad1}: Explicit padding, always 0. */
    public static final int PAD1_OFFSET = 62;

    /** Size in bytes of {@code struct fl_deadline_miss_event}. */
    public static final int SIZE = 64;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("expected_deadline_ns", EXPECTED_DEADLINE_NS_OFFSET, 8),
            new FieldLayout("actual_deadline_ns", ACTUAL_DEADLINE_NS_OFFSET, 8),
            new FieldLayout("miss_ns", MISS_NS_OFFSET, 8),
            new FieldLayout("run_cpu", RUN_CPU_OFFSET, 4),
            new FieldLayout("thread_class", THREAD_CLASS_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("pad1", PAD1_OFFSET, 2)));

    private DeadlineMissEventLayout() {
    }
}
