package dev.frameloop.core.event;

/**
 * How a thread's class was detected.
 * Mirrors {@code enum fl_detection_method} of {@code events.h} (enumerators {@code FL_DETECT_*}).
 */
public enum DetectionMethod implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** Woken shortly after input events. */
    INPUT_WAKEUP(1),
    /** Reads evdev devices. */
    EVDEV_READ(2),
    /** Issues DRM submit ioctls. */
    DRM_SUBMIT(3),
    /** ALSA PCM activity. */
    ALSA_PCM(4),
    /** Its name matches a known pattern (compositors). */
    COMM_PATTERN(5),
    /** Belongs to a detected game process. */
    GAME_PROCESS(6),
    /** A boost_policy entry written by userspace. */
    POLICY(7),
    /** No recent activity of its former class. */
    INACTIVITY(8);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_detection_method", "FL_DETECT_", values());

    private static final DetectionMethod[] BY_CODE = new DetectionMethod[9];

    static {
        for (DetectionMethod value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    DetectionMethod(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static DetectionMethod fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
