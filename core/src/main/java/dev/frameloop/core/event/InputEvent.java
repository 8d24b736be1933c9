package dev.frameloop.core.event;

import java.util.Objects;

/**
 * One evdev event (EV_KEY, EV_REL, EV_ABS, EV_SYN...) reported by an input device.
 *
 * <p>Immutable value of one {@code struct fl_input_event} for APIs; the hot path reads the
 * same fields in place with {@link InputEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param deviceId Per-boot id of the input device: the N of /sys/class/input/inputN. Unsigned in C, always
 *     below 2<sup>31</sup>.
 * @param evValue Event value as input_event() got it.
 * @param evType Event type (EV_*).
 * @param evCode Event code (KEY_*, REL_*, ABS_*, BTN_*).
 * @param bustype input_id.bustype of the device (BUS_USB, BUS_VIRTUAL...).
 * @param vendor input_id.vendor of the device.
 * @param product input_id.product of the device.
 * @param deviceKind Kind of device from its capability bits, {@code enum fl_device_kind}.
 */
public record InputEvent(
        int cpu,
        long timestampNs,
        int deviceId,
        int evValue,
        int evType,
        int evCode,
        int bustype,
        int vendor,
        int product,
        DeviceKind deviceKind) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public InputEvent {
        Objects.requireNonNull(deviceKind, "deviceKind");
    }
}
