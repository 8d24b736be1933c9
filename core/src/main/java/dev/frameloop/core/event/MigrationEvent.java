package dev.frameloop.core.event;

import java.util.Objects;

/**
 * A task moved from one CPU to another.
 *
 * <p>Immutable value of one {@code struct fl_migration_event} for APIs; the hot path reads the
 * same fields in place with {@link MigrationEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id of the migrated task. Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id of the migrated task. Unsigned in C, always below 2<sup>31</sup>.
 * @param fromCpu CPU the task left. Unsigned in C, always below 2<sup>31</sup>.
 * @param toCpu CPU the task moved to. Unsigned in C, always below 2<sup>31</sup>.
 * @param latencyNs What the move cost: migration decision to first run on to_cpu; 0 when unknown.
 * @param reason Why the task moved, {@code enum fl_migration_reason}.
 * @param threadClass Class of the task when it moved, {@code enum fl_thread_class}.
 * @param source Hook that saw the move, {@code enum fl_migration_source}.
 */
public record MigrationEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        int fromCpu,
        int toCpu,
        long latencyNs,
        MigrationReason reason,
        ThreadClass threadClass,
        MigrationSource source) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public MigrationEvent {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(threadClass, "threadClass");
        Objects.requireNonNull(source, "source");
    }
}
