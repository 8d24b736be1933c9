package dev.frameloop.core.event;

/**
 * Hook that saw a migration.
 * Mirrors {@code enum fl_migration_source} of {@code events.h} (enumerators {@code FL_MIGRATION_SOURCE_*}).
 */
public enum MigrationSource implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** tp_btf/sched_migrate_task (observe mode). */
    TP_SCHED_MIGRATE_TASK(1),
    /** The gamer scheduler itself, with its reason. */
    SCHEDULER(2);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_migration_source", "FL_MIGRATION_SOURCE_", values());

    private static final MigrationSource[] BY_CODE = new MigrationSource[3];

    static {
        for (MigrationSource value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    MigrationSource(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static MigrationSource fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
