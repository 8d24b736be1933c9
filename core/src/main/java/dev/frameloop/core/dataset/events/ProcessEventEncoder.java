package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.ProcessAction;
import dev.frameloop.core.event.ProcessEventFlyweight;
import dev.frameloop.core.event.ProcessEventLayout;
import dev.frameloop.core.event.ProcessSource;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putBoolean;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code process} row (columns of {@code process.avsc}, in order) from the wire record. */
final class ProcessEventEncoder implements RowEncoder<ProcessEventFlyweight> {
    private final EnumSymbols<ProcessAction> actions = new EnumSymbols<>(ProcessAction.class);
    private final EnumSymbols<ProcessSource> sources = new EnumSymbols<>(ProcessSource.class);
    private final byte[] comm = new byte[ProcessEventLayout.COMM_LENGTH];
    private final byte[] filename = new byte[ProcessEventLayout.FILENAME_LENGTH];
    private final BytesInterner comms = new BytesInterner(1024);
    private final BytesInterner filenames = new BytesInterner(1024);

    @Override
    public void write(ProcessEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putInt(out, 4, "ppid", event.ppid());
        putInt(out, 5, "exit_code", event.exitCode());
        putBinary(out, 6, "action", actions.of(event.action()));
        putBoolean(out, 7, "is_game", event.isGame());
        putBinary(out, 8, "source", sources.of(event.source()));
        putBoolean(out, 9, "filename_truncated", event.filenameTruncated());
        putBinary(out, 10, "comm", comms.intern(comm, event.copyComm(comm, 0)));
        putBinary(out, 11, "filename", filenames.intern(filename, event.copyFilename(filename, 0)));
    }
}
