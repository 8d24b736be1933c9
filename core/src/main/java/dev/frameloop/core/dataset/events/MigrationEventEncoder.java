package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.MigrationEventFlyweight;
import dev.frameloop.core.event.MigrationReason;
import dev.frameloop.core.event.MigrationSource;
import dev.frameloop.core.event.ThreadClass;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code migration} row (columns of {@code migration.avsc}, in order) from the wire record. */
final class MigrationEventEncoder implements RowEncoder<MigrationEventFlyweight> {
    private final EnumSymbols<MigrationReason> reasons = new EnumSymbols<>(MigrationReason.class);
    private final EnumSymbols<ThreadClass> classes = new EnumSymbols<>(ThreadClass.class);
    private final EnumSymbols<MigrationSource> sources = new EnumSymbols<>(MigrationSource.class);

    @Override
    public void write(MigrationEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putInt(out, 4, "from_cpu", event.fromCpu());
        putInt(out, 5, "to_cpu", event.toCpu());
        putLong(out, 6, "latency_ns", event.latencyNs());
        putBinary(out, 7, "reason", reasons.of(event.reason()));
        putBinary(out, 8, "thread_class", classes.of(event.threadClass()));
        putBinary(out, 9, "source", sources.of(event.source()));
    }
}
