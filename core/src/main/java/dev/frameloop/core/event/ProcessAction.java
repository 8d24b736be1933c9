package dev.frameloop.core.event;

/**
 * What happened to a process.
 * Mirrors {@code enum fl_process_action} of {@code events.h} (enumerators {@code FL_PROCESS_*}).
 */
public enum ProcessAction implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** The process exec'd a new program. */
    EXEC(1),
    /** The process exited. */
    EXIT(2);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_process_action", "FL_PROCESS_", values());

    private static final ProcessAction[] BY_CODE = new ProcessAction[3];

    static {
        for (ProcessAction value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    ProcessAction(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static ProcessAction fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
