package dev.frameloop.core.event;

/**
 * Why a task changed CPU.
 * Mirrors {@code enum fl_migration_reason} of {@code events.h} (enumerators {@code FL_MIGRATION_*}).
 */
public enum MigrationReason implements WireEnum {
    /** Not known (observe mode). */
    UNKNOWN(0),
    /** The scheduler picked an idle CPU. */
    IDLE_PICK(1),
    /** Moved near its waker or previous CPU on wakeup. */
    WAKEUP_AFFINITY(2),
    /** Moved to balance load. */
    LOAD_BALANCE(3),
    /** Its allowed CPUs changed. */
    CPUMASK_CHANGE(4);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_migration_reason", "FL_MIGRATION_", values());

    private static final MigrationReason[] BY_CODE = new MigrationReason[5];

    static {
        for (MigrationReason value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    MigrationReason(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static MigrationReason fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
