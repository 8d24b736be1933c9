package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_input_event} (wire format in {@code bpf/include/frameloop/events.h}):
 * One evdev event (EV_KEY, EV_REL, EV_ABS, EV_SYN...) reported by an input device.
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
 *   |                           device_id                           |  24
 *   +---------------------------------------------------------------+
 *   |                            ev_value                           |  28
 *   +---------------------------------------------------------------+
 *   |            ev_type            |            ev_code            |  32
 *   +-------------------------------+-------------------------------+
 *   |            bustype            |             vendor            |  36
 *   +-------------------------------+-------------------------------+
 *   |            product            |  device_kind  |      pad0     |  40
 *   +-------------------------------+---------------+---------------+
 *   |                              pad1                             |  44
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class InputEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_input_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 device_id}: Per-boot id of the input device: the N of /sys/class/input/inputN. */
    public static final int DEVICE_ID_OFFSET = 24;
    /** {@code __s32 ev_value}: Event value as input_event() got it. */
    public static final int EV_VALUE_OFFSET = 28;
    /** {@code __u16 ev_type}: Event type (EV_*). */
    public static final int EV_TYPE_OFFSET = 32;
    /** {@code __u16 ev_code}: Event code (KEY_*, REL_*, ABS_*, BTN_*). */
    public static final int EV_CODE_OFFSET = 34;
    /** {@code __u16 bustype}: input_id.bustype of the device (BUS_USB, BUS_VIRTUAL...). */
    public static final int BUSTYPE_OFFSET = 36;
    /** {@code __u16 vendor}: input_id.vendor of the device. */
    public static final int VENDOR_OFFSET = 38;
    /** {@code __u16 product}: input_id.product of the device. */
    public static final int PRODUCT_OFFSET = 40;
    /** {@code __u8 device_kind}: Kind of device from its capability bits, {@code enum fl_device_kind}. */
    public static final int DEVICE_KIND_OFFSET = 42;
    /** {@code __u8 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 43;
    /** {@code __u32 pad1}: Explicit padding, always 0. */
    public static final int PAD1_OFFSET = 44;

    /** Size in bytes of {@code struct fl_input_event}. */
    public static final int SIZE = 48;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("device_id", DEVICE_ID_OFFSET, 4),
            new FieldLayout("ev_value", EV_VALUE_OFFSET, 4),
            new FieldLayout("ev_type", EV_TYPE_OFFSET, 2),
            new FieldLayout("ev_code", EV_CODE_OFFSET, 2),
            new FieldLayout("bustype", BUSTYPE_OFFSET, 2),
            new FieldLayout("vendor", VENDOR_OFFSET, 2),
            new FieldLayout("product", PRODUCT_OFFSET, 2),
            new FieldLayout("device_kind", DEVICE_KIND_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 1),
            new FieldLayout("pad1", PAD1_OFFSET, 4)));

    private InputEventLayout() {
    }
}
