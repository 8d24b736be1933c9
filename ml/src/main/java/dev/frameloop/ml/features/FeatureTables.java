package dev.frameloop.ml.features;

import dev.frameloop.core.event.EventType;
import dev.frameloop.core.dataset.SessionReader;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The batch driver: sessions in, Tablesaw training tables out. Each session's events are fed, in
 * timestamp order, to the same incremental state the live loop uses ({@link ThreadRoleWindows},
 * {@link FrameWindows}); the rows they emit become table rows.
 *
 * <p>Thread-role table: {@code session, pid, tid, comm, window_start_ns, heuristic, label} and the
 * features of {@link FeatureSet#THREAD_ROLE} ({@code label} is empty where no role rule matches).
 * Frame table: {@code session, pid, tid, swapchain_id, frame_seq, time_ns, missed}, the features of
 * {@link FeatureSet#FRAME}, {@code next_miss} ({@code miss}/{@code ok}) and {@code next_interval_ms}.
 */
public final class FeatureTables {
    /** Label value of a frame whose successor misses. */
    public static final String MISS = "miss";
    /** Label value of a frame whose successor is on time. */
    public static final String OK = "ok";

    private FeatureTables() {
    }

    /** Thread-role rows of one session. */
    public static Table threadRoles(SessionReader session, RoleRules rules) throws IOException {
        List<Record> events = SessionEvents.read(session, EnumSet.of(EventType.TASK_STATS));
        List<ThreadRoleRow> rows = new ArrayList<>();
        SessionEvents.feed(events, new ThreadRoleWindows(rows::add));
        return threadRoleTable(session.id().toString(), rows, rules);
    }

    /** Frame rows of one session. */
    public static Table frames(SessionReader session) throws IOException {
        List<Record> events = SessionEvents.read(session, EnumSet.of(EventType.FRAME_TIMING));
        List<FrameRow> rows = new ArrayList<>();
        SessionEvents.feed(events, new FrameWindows(rows::add));
        return frameTable(session.id().toString(), rows);
    }

    /** The table of thread-role rows of one session. */
    public static Table threadRoleTable(String sessionId, List<ThreadRoleRow> rows, RoleRules rules) {
        StringColumn session = StringColumn.create("session");
        IntColumn pid = IntColumn.create("pid");
        IntColumn tid = IntColumn.create("tid");
        StringColumn comm = StringColumn.create("comm");
        LongColumn window = LongColumn.create("window_start_ns");
        StringColumn heuristic = StringColumn.create("heuristic");
        StringColumn label = StringColumn.create("label");
        List<DoubleColumn> features = featureColumns(FeatureSet.THREAD_ROLE);
        for (ThreadRoleRow row : rows) {
            session.append(sessionId);
            pid.append(row.pid());
            tid.append(row.tid());
            comm.append(row.comm());
            window.append(row.windowStartNs());
            heuristic.append(row.heuristic().name());
            label.append(rules.roleOf(row.comm()).map(Enum::name).orElse(""));
            for (int i = 0; i < features.size(); i++) {
                features.get(i).append(row.features()[i]);
            }
        }
        Table table = Table.create("thread_role", session, pid, tid, comm, window, heuristic, label);
        features.forEach(table::addColumns);
        return table;
    }

    /** The table of frame rows of one session. */
    public static Table frameTable(String sessionId, List<FrameRow> rows) {
        StringColumn session = StringColumn.create("session");
        IntColumn pid = IntColumn.create("pid");
        IntColumn tid = IntColumn.create("tid");
        LongColumn swapchain = LongColumn.create("swapchain_id");
        LongColumn seq = LongColumn.create("frame_seq");
        LongColumn time = LongColumn.create("time_ns");
        BooleanColumn missed = BooleanColumn.create("missed");
        List<DoubleColumn> features = featureColumns(FeatureSet.FRAME);
        StringColumn nextMiss = StringColumn.create("next_miss");
        DoubleColumn nextInterval = DoubleColumn.create("next_interval_ms");
        for (FrameRow row : rows) {
            session.append(sessionId);
            pid.append(row.pid());
            tid.append(row.tid());
            swapchain.append(row.swapchainId());
            seq.append(row.frameSeq());
            time.append(row.timestampNs());
            missed.append(row.missed());
            for (int i = 0; i < features.size(); i++) {
                features.get(i).append(row.features()[i]);
            }
            nextMiss.append(row.nextMiss() ? MISS : OK);
            nextInterval.append(row.nextIntervalMs());
        }
        Table table = Table.create("frame", session, pid, tid, swapchain, seq, time, missed);
        features.forEach(table::addColumns);
        table.addColumns(nextMiss, nextInterval);
        return table;
    }

    /** The feature values of row {@code row} of a table, in feature-set order. */
    public static double[] featureVector(Table table, int row, List<Feature> featureSet) {
        double[] values = new double[featureSet.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.doubleColumn(featureSet.get(i).name()).getDouble(row);
        }
        return values;
    }

    private static List<DoubleColumn> featureColumns(List<Feature> featureSet) {
        List<DoubleColumn> columns = new ArrayList<>();
        for (Feature f : featureSet) {
            columns.add(DoubleColumn.create(f.name()));
        }
        return columns;
    }
}
