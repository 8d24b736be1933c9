package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_task_stats_event} (wire format in {@code bpf/include/frameloop/events.h}):
 * Per-thread scheduling statistics over one window, for threads that ran in it.
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
 *   |                        comm (16 bytes)                        |  32
 *   |                              ...                              |
 *   +---------------------------------------------------------------+
 *   |                        window_start_ns                        |  48
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                           window_ns                           |  56
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                          run_time_ns                          |  64
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                       wake_to_run_sum_ns                      |  72
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                       wake_to_run_max_ns                      |  80
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                            wakeups                            |  88
 *   +---------------------------------------------------------------+
 *   |                       voluntary_switches                      |  92
 *   +---------------------------------------------------------------+
 *   |                      involuntary_switches                     |  96
 *   +---------------------------------------------------------------+
 *   |                           migrations                          |  100
 *   +---------------------------------------------------------------+
 *   |                            last_cpu                           |  104
 *   +---------------------------------------------------------------+
 *   |  thread_class |      pad0     |              pad1             |  108
 *   +---------------+---------------+-------------------------------+
 * </pre>
 */
public final class TaskStatsEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_task_stats_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id. */
    public static final int TID_OFFSET = 28;
    /** {@code char[16] comm}: Thread comm, NUL-padded. */
    public static final int COMM_OFFSET = 32;
    /** Capacity in bytes of {@code comm}. */
    public static final int COMM_LENGTH = 16;
    /** {@code __u64 window_start_ns}: Start of the window (CLOCK_MONOTONIC ns). */
    public static final int WINDOW_START_NS_OFFSET = 48;
    /** {@code __u64 window_ns}: Length of the window in ns. */
    public static final int WINDOW_NS_OFFSET = 56;
    /** {@code __u64 run_time_ns}: Time the thread ran in the window. */
    public static final int RUN_TIME_NS_OFFSET = 64;
    /** {@code __u64 wake_to_run_sum_ns}: Sum over the window's wakeups of wakeup-to-run latency. */
    public static final int WAKE_TO_RUN_SUM_NS_OFFSET = 72;
    /** {@code __u64 wake_to_run_max_ns}: Largest wakeup-to-run latency in the window. */
    public static final int WAKE_TO_RUN_MAX_NS_OFFSET = 80;
    /** {@code __u32 wakeups}: Wakeups in the window. */
    public static final int WAKEUPS_OFFSET = 88;
    /** {@code __u32 voluntary_switches}: Times the thread blocked or yielded in the window. */
    public static final int VOLUNTARY_SWITCHES_OFFSET = 92;
    /** {@code __u32 involuntary_switches}: Times the thread was preempted in the window. */
    public static final int INVOLUNTARY_SWITCHES_OFFSET = 96;
    /** {@code __u32 migrations}: CPU changes in the window. */
    public static final int MIGRATIONS_OFFSET = 100;
    /** {@code __u32 last_cpu}: CPU the thread last ran on. */
    public static final int LAST_CPU_OFFSET = 104;
    /**
     * {@code __u8 thread_class}: Class of the thread at the end of the window, {@code enum fl_thread_class}.
     */
    public static final int THREAD_CLASS_OFFSET = 108;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 109;
    /** {@code __u16 pad1}: Explicit padding, always 0. */
    public static final int PAD1_OFFSET = 110;

    /** Size in bytes of {@code struct fl_task_stats_event}. */
    public static final int SIZE = 112;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("comm", COMM_OFFSET, COMM_LENGTH),
            new FieldLayout("window_start_ns", WINDOW_START_NS_OFFSET, 8),
            new FieldLayout("window_ns", WINDOW_NS_OFFSET, 8),
            new FieldLayout("run_time_ns", RUN_TIME_NS_OFFSET, 8),
            new FieldLayout("wake_to_run_sum_ns", WAKE_TO_RUN_SUM_NS_OFFSET, 8),
            new FieldLayout("wake_to_run_max_ns", WAKE_TO_RUN_MAX_NS_OFFSET, 8),
            new FieldLayout("wakeups", WAKEUPS_OFFSET, 4),
            new FieldLayout("voluntary_switches", VOLUNTARY_SWITCHES_OFFSET, 4),
            new FieldLayout("involuntary_switches", INVOLUNTARY_SWITCHES_OFFSET, 4),
            new FieldLayout("migrations", MIGRATIONS_OFFSET, 4),
            new FieldLayout("last_cpu", LAST_CPU_OFFSET, 4),
            new FieldLayout("thread_class", THREAD_CLASS_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("pad1", PAD1_OFFSET, 2)));

    private TaskStatsEventLayout() {
    }
}
