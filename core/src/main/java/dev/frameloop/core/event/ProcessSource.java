package dev.frameloop.core.event;

/**
 * Hook that reported a process event.
 * Mirrors {@code enum fl_process_source} of {@code events.h} (enumerators {@code FL_PROCESS_SOURCE_*}).
 */
public enum ProcessSource implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** LSM hook bprm_committed_creds (exec). */
    LSM_BPRM_COMMITTED_CREDS(1),
    /** LSM hook task_free (exit). */
    LSM_TASK_FREE(2),
    /** Tracepoint sched/sched_process_exec (exec fallback). */
    TP_SCHED_PROCESS_EXEC(3),
    /** Tracepoint sched/sched_process_exit (exit fallback). */
    TP_SCHED_PROCESS_EXIT(4);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_process_source", "FL_PROCESS_SOURCE_", values());

    private static final ProcessSource[] BY_CODE = new ProcessSource[5];

    static {
        for (ProcessSource value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    ProcessSource(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static ProcessSource fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
