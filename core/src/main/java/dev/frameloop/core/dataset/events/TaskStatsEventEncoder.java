package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.TaskStatsEventFlyweight;
import dev.frameloop.core.event.TaskStatsEventLayout;
import dev.frameloop.core.event.ThreadClass;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code task_stats} row (columns of {@code task_stats.avsc}, in order) from the wire record. */
final class TaskStatsEventEncoder implements RowEncoder<TaskStatsEventFlyweight> {
    private final EnumSymbols<ThreadClass> classes = new EnumSymbols<>(ThreadClass.class);
    private final byte[] comm = new byte[TaskStatsEventLayout.COMM_LENGTH];
    private final BytesInterner comms = new BytesInterner(4096);

    @Override
    public void write(TaskStatsEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putBinary(out, 4, "comm", comms.intern(comm, event.copyComm(comm, 0)));
        putLong(out, 5, "window_start_ns", event.windowStartNs());
        putLong(out, 6, "window_ns", event.windowNs());
        putLong(out, 7, "run_time_ns", event.runTimeNs());
        putLong(out, 8, "wake_to_run_sum_ns", event.wakeToRunSumNs());
        putLong(out, 9, "wake_to_run_max_ns", event.wakeToRunMaxNs());
        putLong(out, 10, "wakeups", event.wakeups());
        putLong(out, 11, "voluntary_switches", event.voluntarySwitches());
        putLong(out, 12, "involuntary_switches", event.involuntarySwitches());
        putLong(out, 13, "migrations", event.migrations());
        putInt(out, 14, "last_cpu", event.lastCpu());
        putBinary(out, 15, "thread_class", classes.of(event.threadClass()));
    }
}
