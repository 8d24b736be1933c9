package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_migration_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * A task moved from one CPU to another.
 *
 * @see MigrationEventLayout
 */
public final class MigrationEventFlyweight extends EventFlyweight {

    @Override
    public MigrationEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id of the migrated task. Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + MigrationEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id of the migrated task. Unsigned in C, always below 2<sup>31</sup>. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + MigrationEventLayout.TID_OFFSET);
    }

    /** {@code from_cpu}: CPU the task left. Unsigned in C, always below 2<sup>31</sup>. */
    public int fromCpu() {
        return LittleEndian.s32(buffer, offset + MigrationEventLayout.FROM_CPU_OFFSET);
    }

    /** {@code to_cpu}: CPU the task moved to. Unsigned in C, always below 2<sup>31</sup>. */
    public int toCpu() {
        return LittleEndian.s32(buffer, offset + MigrationEventLayout.TO_CPU_OFFSET);
    }

    /** {@code latency_ns}: What the move cost: migration decision to first run on to_cpu; 0 when unknown. */
    public long latencyNs() {
        return LittleEndian.s64(buffer, offset + MigrationEventLayout.LATENCY_NS_OFFSET);
    }

    /** {@code reason}: Why the task moved, {@code enum fl_migration_reason}. */
    public MigrationReason reason() {
        return MigrationReason.fromCode(LittleEndian.u8(buffer, offset + MigrationEventLayout.REASON_OFFSET));
    }

    /** {@code thread_class}: Class of the task when it moved, {@code enum fl_thread_class}. */
    public ThreadClass threadClass() {
        return ThreadClass.fromCode(LittleEndian.u8(buffer, offset + MigrationEventLayout.THREAD_CLASS_OFFSET));
    }

    /** {@code source}: Hook that saw the move, {@code enum fl_migration_source}. */
    public MigrationSource source() {
        return MigrationSource.fromCode(LittleEndian.u8(buffer, offset + MigrationEventLayout.SOURCE_OFFSET));
    }

    /** Copies the event into an immutable {@link MigrationEvent} (allocates: for APIs, not the hot path). */
    public MigrationEvent toRecord() {
        return new MigrationEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                fromCpu(),
                toCpu(),
                latencyNs(),
                reason(),
                threadClass(),
                source());
    }
}
