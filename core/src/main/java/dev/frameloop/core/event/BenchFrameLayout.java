package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_bench_frame} (wire format in {@code bpf/include/frameloop/events.h}):
 * the benchmark producer's frame-timing row, four 64-bit integers and two flags.
 *
 * <p>Little-endian, offsets in bytes from the start of the record. The layout check
 * ({@code dev.frameloop.core.btf.LayoutVerifier}) compares {@link #LAYOUT} with the BTF of the
 * compiled BPF object, field by field.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                              seq                              |  0
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                          timestamp_ns                         |  8
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                       frame_interval_ns                       |  16
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                       gpu_to_present_ns                       |  24
 *   |                                                               |
 *   +---------------+---------------+-------------------------------+
 *   | frame_dropped | vsync_missed  |             pad0              |  32
 *   +---------------+---------------+                               +
 *   |                                                               |
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class BenchFrameLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_bench_frame";

    /** {@code __u64 seq}: sequence number, 0-based, in production order. */
    public static final int SEQ_OFFSET = 0;
    /** {@code __u64 timestamp_ns}: bpf_ktime_get_ns() when the record was reserved. */
    public static final int TIMESTAMP_NS_OFFSET = 8;
    /** {@code __u64 frame_interval_ns}: time since the previous frame, ns. */
    public static final int FRAME_INTERVAL_NS_OFFSET = 16;
    /** {@code __u64 gpu_to_present_ns}: time from the last GPU submit to the present, ns. */
    public static final int GPU_TO_PRESENT_NS_OFFSET = 24;
    /** {@code __u8 frame_dropped}: 1 when the frame did not reach the screen. */
    public static final int FRAME_DROPPED_OFFSET = 32;
    /** {@code __u8 vsync_missed}: 1 when the present missed its vblank. */
    public static final int VSYNC_MISSED_OFFSET = 33;
    /** {@code __u8 pad0[6]}: explicit padding, always 0. */
    public static final int PAD0_OFFSET = 34;

    /** Size in bytes of {@code struct fl_bench_frame}. */
    public static final int SIZE = 40;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("seq", SEQ_OFFSET, 8),
            new FieldLayout("timestamp_ns", TIMESTAMP_NS_OFFSET, 8),
            new FieldLayout("frame_interval_ns", FRAME_INTERVAL_NS_OFFSET, 8),
            new FieldLayout("gpu_to_present_ns", GPU_TO_PRESENT_NS_OFFSET, 8),
            new FieldLayout("frame_dropped", FRAME_DROPPED_OFFSET, 1),
            new FieldLayout("vsync_missed", VSYNC_MISSED_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 6)));

    private BenchFrameLayout() {
    }
}
