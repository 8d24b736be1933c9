package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_bench_record} (wire format in {@code bpf/include/frameloop/events.h}):
 * A benchmark record: sequence number and producer timestamp, followed by payload bytes up to the requested
 * record size.
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
 *   |          payload (filler up to the record's length)         ...  16
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class BenchRecordLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_bench_record";

    /** {@code __u64 seq}: Sequence number, 0-based, in production order. */
    public static final int SEQ_OFFSET = 0;
    /** {@code __u64 timestamp_ns}: bpf_ktime_get_ns() when the record was reserved. */
    public static final int TIMESTAMP_NS_OFFSET = 8;
    /** {@code __u8[] payload}: Filler up to the requested size. */
    public static final int PAYLOAD_OFFSET = 16;

    /** Size in bytes of {@code struct fl_bench_record} (payload follows). */
    public static final int SIZE = 16;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("seq", SEQ_OFFSET, 8),
            new FieldLayout("timestamp_ns", TIMESTAMP_NS_OFFSET, 8),
            new FieldLayout("payload", PAYLOAD_OFFSET, 0)));

    private BenchRecordLayout() {
    }
}
