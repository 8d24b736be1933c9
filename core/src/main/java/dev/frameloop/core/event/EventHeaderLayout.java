package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_event_header} (wire format in {@code bpf/include/frameloop/events.h}):
 * the common header every event starts with.
 *
 * <p>Little-endian, offsets in bytes from the start of the record. The layout check
 * ({@code dev.frameloop.core.btf.LayoutVerifier}) compares {@link #LAYOUT} with the BTF of the
 * compiled BPF object, field by field.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |              type             |            version            |  0
 *   +-------------------------------+-------------------------------+
 *   |                              size                             |  4
 *   +---------------------------------------------------------------+
 *   |                              cpu                              |  8
 *   +---------------------------------------------------------------+
 *   |                              pad0                             |  12
 *   +---------------------------------------------------------------+
 *   |                          timestamp_ns                         |  16
 *   |                                                               |
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class EventHeaderLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_event_header";

    /** {@code __u16 type}: Event type, one of {@code enum fl_event_type}. */
    public static final int TYPE_OFFSET = 0;
    /** {@code __u16 version}: Layout version of this event type ({@code enum fl_event_version}). */
    public static final int VERSION_OFFSET = 2;
    /** {@code __u32 size}: Size in bytes of the whole event, header included. */
    public static final int SIZE_OFFSET = 4;
    /** {@code __u32 cpu}: CPU the BPF program ran on when it emitted the event. */
    public static final int CPU_OFFSET = 8;
    /** {@code __u32 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 12;
    /**
     * {@code __u64 timestamp_ns}: CLOCK_MONOTONIC time in ns, from bpf_ktime_get_ns(), when the event
     * happened.
     */
    public static final int TIMESTAMP_NS_OFFSET = 16;

    /** Size in bytes of {@code struct fl_event_header}. */
    public static final int SIZE = 24;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("type", TYPE_OFFSET, 2),
            new FieldLayout("version", VERSION_OFFSET, 2),
            new FieldLayout("size", SIZE_OFFSET, 4),
            new FieldLayout("cpu", CPU_OFFSET, 4),
            new FieldLayout("pad0", PAD0_OFFSET, 4),
            new FieldLayout("timestamp_ns", TIMESTAMP_NS_OFFSET, 8)));

    private EventHeaderLayout() {
    }
}
