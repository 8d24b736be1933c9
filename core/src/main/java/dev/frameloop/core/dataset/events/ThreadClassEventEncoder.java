package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.DetectionMethod;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.event.ThreadClassEventFlyweight;
import dev.frameloop.core.event.ThreadClassEventLayout;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code thread_class} row (columns of {@code thread_class.avsc}, in order) from the wire record. */
final class ThreadClassEventEncoder implements RowEncoder<ThreadClassEventFlyweight> {
    private final EnumSymbols<ThreadClass> classes = new EnumSymbols<>(ThreadClass.class);
    private final EnumSymbols<DetectionMethod> methods = new EnumSymbols<>(DetectionMethod.class);
    private final byte[] comm = new byte[ThreadClassEventLayout.COMM_LENGTH];
    private final BytesInterner comms = new BytesInterner(4096);

    @Override
    public void write(ThreadClassEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putBinary(out, 4, "old_class", classes.of(event.oldClass()));
        putBinary(out, 5, "new_class", classes.of(event.newClass()));
        putBinary(out, 6, "method", methods.of(event.method()));
        putInt(out, 7, "confidence", event.confidence());
        putBinary(out, 8, "comm", comms.intern(comm, event.copyComm(comm, 0)));
    }
}
