package dev.frameloop.core.event;

/**
 * Why the closed loop wrote or deleted a boost_policy entry.
 * Mirrors {@code enum fl_policy_reason} of {@code events.h} (enumerators {@code FL_POLICY_REASON_*}).
 */
public enum PolicyReason implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** First entry of the thread: the model's role held for the hysteresis windows. */
    NEW(1),
    /** The model's role of the thread changed. */
    CHANGED(2),
    /** Still predicted: the expiry moved on. */
    REFRESH(3),
    /** Not predicted any more and expired: deleted. */
    EXPIRED(4),
    /** The thread exited: deleted. */
    EXITED(5);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_policy_reason", "FL_POLICY_REASON_", values());

    private static final PolicyReason[] BY_CODE = new PolicyReason[6];

    static {
        for (PolicyReason value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    PolicyReason(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static PolicyReason fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
