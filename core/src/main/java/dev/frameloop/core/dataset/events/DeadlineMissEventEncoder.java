package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.DeadlineMissEventFlyweight;
import dev.frameloop.core.event.ThreadClass;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code deadline_miss} row (columns of {@code deadline_miss.avsc}, in order) from the wire record. */
final class DeadlineMissEventEncoder implements RowEncoder<DeadlineMissEventFlyweight> {
    private final EnumSymbols<ThreadClass> classes = new EnumSymbols<>(ThreadClass.class);

    @Override
    public void write(DeadlineMissEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putLong(out, 4, "expected_deadline_ns", event.expectedDeadlineNs());
        putLong(out, 5, "actual_deadline_ns", event.actualDeadlineNs());
        putLong(out, 6, "miss_ns", event.missNs());
        putInt(out, 7, "run_cpu", event.runCpu());
        putBinary(out, 8, "thread_class", classes.of(event.threadClass()));
    }
}
