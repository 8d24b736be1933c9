package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_input_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * One evdev event (EV_KEY, EV_REL, EV_ABS, EV_SYN...) reported by an input device.
 *
 * @see InputEventLayout
 */
public final class InputEventFlyweight extends EventFlyweight {

    @Override
    public InputEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /**
     * {@code device_id}: Per-boot id of the input device: the N of /sys/class/input/inputN. Unsigned in C,
     * always below 2<sup>31</sup>.
     */
    public int deviceId() {
        return LittleEndian.s32(buffer, offset + InputEventLayout.DEVICE_ID_OFFSET);
    }

    /** {@code ev_value}: Event value as input_event() got it. */
    public int evValue() {
        return LittleEndian.s32(buffer, offset + InputEventLayout.EV_VALUE_OFFSET);
    }

    /** {@code ev_type}: Event type (EV_*). */
    public int evType() {
        return LittleEndian.u16(buffer, offset + InputEventLayout.EV_TYPE_OFFSET);
    }

    /** {@code ev_code}: Event code (KEY_*, REL_*, ABS_*, BTN_*). */
    public int evCode() {
        return LittleEndian.u16(buffer, offset + InputEventLayout.EV_CODE_OFFSET);
    }

    /** {@code bustype}: input_id.bustype of the device (BUS_USB, BUS_VIRTUAL...). */
    public int bustype() {
        return LittleEndian.u16(buffer, offset + InputEventLayout.BUSTYPE_OFFSET);
    }

    /** {@code vendor}: input_id.vendor of the device. */
    public int vendor() {
        return LittleEndian.u16(buffer, offset + InputEventLayout.VENDOR_OFFSET);
    }

    /** {@code product}: input_id.product of the device. */
    public int product() {
        return LittleEndian.u16(buffer, offset + InputEventLayout.PRODUCT_OFFSET);
    }

    /** {@code device_kind}: Kind of device from its capability bits, {@code enum fl_device_kind}. */
    public DeviceKind deviceKind() {
        return DeviceKind.fromCode(LittleEndian.u8(buffer, offset + InputEventLayout.DEVICE_KIND_OFFSET));
    }

    /** Copies the event into an immutable {@link InputEvent} (allocates: for APIs, not the hot path). */
    public InputEvent toRecord() {
        return new InputEvent(
                cpu(),
                timestampNs(),
                deviceId(),
                evValue(),
                evType(),
                evCode(),
                bustype(),
                vendor(),
                product(),
                deviceKind());
    }
}
