package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.PolicyAppliedEventFlyweight;
import dev.frameloop.core.event.ThreadClass;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code policy_applied} row (columns of {@code policy_applied.avsc}, in order) from the wire record. */
final class PolicyAppliedEventEncoder implements RowEncoder<PolicyAppliedEventFlyweight> {
    private final EnumSymbols<ThreadClass> classes = new EnumSymbols<>(ThreadClass.class);

    @Override
    public void write(PolicyAppliedEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putLong(out, 4, "entry_timestamp_ns", event.entryTimestampNs());
        putLong(out, 5, "expiry_ns", event.expiryNs());
        putLong(out, 6, "slice_ns", event.sliceNs());
        putLong(out, 7, "boost", event.boost());
        putBinary(out, 8, "role", classes.of(event.role()));
    }
}
