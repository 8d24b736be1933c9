package dev.frameloop.ml.analysis;

import dev.frameloop.core.event.EventType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row per thread of a session, from its task-stats windows, class changes, migrations and
 * deadline misses, sorted by pid and tid:
 * <ul>
 *   <li>{@code comm}, {@code class}: the thread's name and its latest class (from
 *       {@code thread_class}, else from {@code task_stats});</li>
 *   <li>{@code run ms}, {@code cpu %}: time run over all windows, and as a share of the session's
 *       duration;</li>
 *   <li>{@code wakeups}, {@code mean wake→run µs}, {@code max wake→run µs}: wakeups and their
 *       wakeup-to-run latency;</li>
 *   <li>{@code preempted}: involuntary switches;</li>
 *   <li>{@code migrations}: rows of {@code migration} for the thread;</li>
 *   <li>{@code deadline misses}, {@code worst miss ms}: rows of {@code deadline_miss} and the
 *       largest {@code miss_ns}.</li>
 * </ul>
 */
public final class ThreadTable {
    private ThreadTable() {
    }

    private static final class Row {
        final int pid;
        final int tid;
        String comm = "";
        String threadClass = "UNKNOWN";
        boolean classFromChange;
        long runNs;
        long wakeups;
        long wakeToRunSumNs;
        long wakeToRunMaxNs;
        long preempted;
        long migrations;
        long misses;
        long worstMissNs;

        Row(int pid, int tid) {
            this.pid = pid;
            this.tid = tid;
        }
    }

    /** The per-thread table of {@code session}. */
    public static Table of(SessionTables session) {
        Map<Long, Row> rows = new TreeMap<>();
        Table stats = session.table(EventType.TASK_STATS);
        for (int i = 0; i < stats.rowCount(); i++) {
            Row r = row(rows, stats.intColumn("pid").getInt(i), stats.intColumn("tid").getInt(i));
            r.comm = stats.stringColumn("comm").get(i);
            if (!r.classFromChange) {
                r.threadClass = stats.stringColumn("thread_class").get(i);
            }
            r.runNs += stats.longColumn("run_time_ns").getLong(i);
            r.wakeups += stats.longColumn("wakeups").getLong(i);
            r.wakeToRunSumNs += stats.longColumn("wake_to_run_sum_ns").getLong(i);
            r.wakeToRunMaxNs = Math.max(r.wakeToRunMaxNs, stats.longColumn("wake_to_run_max_ns").getLong(i));
            r.preempted += stats.longColumn("involuntary_switches").getLong(i);
        }
        Table classes = session.table(EventType.THREAD_CLASS);
        for (int i = 0; i < classes.rowCount(); i++) {
            Row r = row(rows, classes.intColumn("pid").getInt(i), classes.intColumn("tid").getInt(i));
            r.threadClass = classes.stringColumn("new_class").get(i);
            r.classFromChange = true;
            if (r.comm.isEmpty()) {
                r.comm = classes.stringColumn("comm").get(i);
            }
        }
        Table migrations = session.table(EventType.MIGRATION);
        for (int i = 0; i < migrations.rowCount(); i++) {
            row(rows, migrations.intColumn("pid").getInt(i), migrations.intColumn("tid").getInt(i)).migrations++;
        }
        Table misses = session.table(EventType.DEADLINE_MISS);
        for (int i = 0; i < misses.rowCount(); i++) {
            Row r = row(rows, misses.intColumn("pid").getInt(i), misses.intColumn("tid").getInt(i));
            r.misses++;
            r.worstMissNs = Math.max(r.worstMissNs, misses.longColumn("miss_ns").getLong(i));
        }
        return toTable(rows, session.duration().toNanos());
    }

    private static Row row(Map<Long, Row> rows, int pid, int tid) {
        return rows.computeIfAbsent(((long) pid << 32) | (tid & 0xffffffffL), k -> new Row(pid, tid));
    }

    private static Table toTable(Map<Long, Row> rows, long durationNs) {
        IntColumn pid = IntColumn.create("pid");
        IntColumn tid = IntColumn.create("tid");
        StringColumn comm = StringColumn.create("comm");
        StringColumn threadClass = StringColumn.create("class");
        DoubleColumn runMs = DoubleColumn.create("run ms");
        DoubleColumn cpu = DoubleColumn.create("cpu %");
        LongColumn wakeups = LongColumn.create("wakeups");
        DoubleColumn meanWake = DoubleColumn.create("mean wake→run µs");
        DoubleColumn maxWake = DoubleColumn.create("max wake→run µs");
        LongColumn preempted = LongColumn.create("preempted");
        LongColumn migrations = LongColumn.create("migrations");
        LongColumn misses = LongColumn.create("deadline misses");
        DoubleColumn worstMiss = DoubleColumn.create("worst miss ms");
        for (Row r : rows.values()) {
            pid.append(r.pid);
            tid.append(r.tid);
            comm.append(r.comm);
            threadClass.append(r.threadClass);
            runMs.append(r.runNs / 1e6);
            cpu.append(durationNs > 0 ? 100.0 * r.runNs / durationNs : Double.NaN);
            wakeups.append(r.wakeups);
            meanWake.append(r.wakeups > 0 ? r.wakeToRunSumNs / 1e3 / r.wakeups : Double.NaN);
            maxWake.append(r.wakeToRunMaxNs / 1e3);
            preempted.append(r.preempted);
            migrations.append(r.migrations);
            misses.append(r.misses);
            worstMiss.append(r.worstMissNs / 1e6);
        }
        return Table.create("threads", pid, tid, comm, threadClass, runMs, cpu, wakeups, meanWake, maxWake, preempted,
                migrations, misses, worstMiss);
    }
}
