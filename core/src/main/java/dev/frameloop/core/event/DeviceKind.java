package dev.frameloop.core.event;

/**
 * Kind of an input device, from its capability bits.
 * Mirrors {@code enum fl_device_kind} of {@code events.h} (enumerators {@code FL_DEVICE_*}).
 */
public enum DeviceKind implements WireEnum {
    /** Not a mouse, keyboard or controller, or not classified. */
    UNKNOWN(0),
    /** Relative axes REL_X/REL_Y and BTN_LEFT. */
    MOUSE(1),
    /** EV_KEY with the letter keys. */
    KEYBOARD(2),
    /** BTN_GAMEPAD/BTN_JOYSTICK or absolute sticks. */
    CONTROLLER(3);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_device_kind", "FL_DEVICE_", values());

    private static final DeviceKind[] BY_CODE = new DeviceKind[4];

    static {
        for (DeviceKind value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    DeviceKind(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static DeviceKind fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
