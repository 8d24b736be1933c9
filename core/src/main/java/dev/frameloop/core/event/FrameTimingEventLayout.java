package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_frame_timing_event} (wire format in {@code
 * bpf/include/frameloop/events.h}):
 * One presented frame of a process, counted once whatever the dispatch layers; the header timestamp is the
 * present.
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
 *   |                       frame_interval_ns                       |  32
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                       gpu_to_present_ns                       |  40
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                     compositor_latency_ns                     |  48
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                          swapchain_id                         |  56
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                           frame_seq                           |  64
 *   +---------------------------------------------------------------+
 *   |     source    | frame_dropped |  vsync_missed |      pad0     |  68
 *   +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class FrameTimingEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_frame_timing_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id of the presenting process. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id of the presenting thread. */
    public static final int TID_OFFSET = 28;
    /**
     * {@code __u64 frame_interval_ns}: Time since the previous counted present of the same process; 0
     * for the first frame.
     */
    public static final int FRAME_INTERVAL_NS_OFFSET = 32;
    /**
     * {@code __u64 gpu_to_present_ns}: Time from the process's last GPU submit to this present; 0 when
     * unknown.
     */
    public static final int GPU_TO_PRESENT_NS_OFFSET = 40;
    /** {@code __u64 compositor_latency_ns}: Present to compositor/page-flip completion; 0 when unknown. */
    public static final int COMPOSITOR_LATENCY_NS_OFFSET = 48;
    /**
     * {@code __u64 swapchain_id}: Identifies the surface/drawable/swapchain presented (a handle value from
     * the hooked call).
     */
    public static final int SWAPCHAIN_ID_OFFSET = 56;
    /** {@code __u32 frame_seq}: Per-process frame counter, starting at 1. */
    public static final int FRAME_SEQ_OFFSET = 64;
    /** {@code __u8 source}: Presentation hook that saw the frame, {@code enum fl_frame_source}. */
    public static final int SOURCE_OFFSET = 68;
    /** {@code __u8 frame_dropped}: True when the frame is known not to have reached the screen. */
    public static final int FRAME_DROPPED_OFFSET = 69;
    /** {@code __u8 vsync_missed}: True when the present missed the vblank it targeted. */
    public static final int VSYNC_MISSED_OFFSET = 70;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 71;

    /** Size in bytes of {@code struct fl_frame_timing_event}. */
    public static final int SIZE = 72;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("frame_interval_ns", FRAME_INTERVAL_NS_OFFSET, 8),
            new FieldLayout("gpu_to_present_ns", GPU_TO_PRESENT_NS_OFFSET, 8),
            new FieldLayout("compositor_latency_ns", COMPOSITOR_LATENCY_NS_OFFSET, 8),
            new FieldLayout("swapchain_id", SWAPCHAIN_ID_OFFSET, 8),
            new FieldLayout("frame_seq", FRAME_SEQ_OFFSET, 4),
            new FieldLayout("source", SOURCE_OFFSET, 1),
            new FieldLayout("frame_dropped", FRAME_DROPPED_OFFSET, 1),
            new FieldLayout("vsync_missed", VSYNC_MISSED_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1)));

    private FrameTimingEventLayout() {
    }
}
