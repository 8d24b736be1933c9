package dev.frameloop.core.event;

/**
 * What the closed loop did to a boost_policy entry.
 * Mirrors {@code enum fl_policy_action} of {@code events.h} (enumerators {@code FL_POLICY_ACTION_*}).
 */
public enum PolicyAction implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** The entry was written (created or replaced). */
    WRITE(1),
    /** The entry was deleted. */
    DELETE(2);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_policy_action", "FL_POLICY_ACTION_", values());

    private static final PolicyAction[] BY_CODE = new PolicyAction[3];

    static {
        for (PolicyAction value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    PolicyAction(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static PolicyAction fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
