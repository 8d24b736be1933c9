package dev.frameloop.ml.loop;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.PolicyAppliedEvent;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.ml.features.FeatureSet;
import dev.frameloop.ml.features.FeatureTables;
import dev.frameloop.ml.features.FrameRow;
import dev.frameloop.ml.features.FrameWindows;
import dev.frameloop.ml.features.RoleRules;
import dev.frameloop.ml.features.SessionEvents;
import dev.frameloop.ml.features.ThreadRoleRow;
import dev.frameloop.ml.features.ThreadRoleWindows;
import dev.frameloop.ml.fixture.FixtureSessions;
import dev.frameloop.ml.fixture.WireRecordEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnlineFeaturesTest {
    @TempDir
    static Path data;
    static SessionReader session;

    @BeforeAll
    static void recordSession() throws Exception {
        new FixtureSessions(11, 5).write(data, 1);
        Dataset dataset = EventTables.openDataset(data.toString());
        session = dataset.session(dataset.sessions().get(0));
    }

    static EventType typeOf(Record event) {
        for (EventType type : EventType.values()) {
            if (EventTables.binding(type).recordClass() == event.getClass()) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event type for " + event.getClass());
    }

    @Test
    void shouldComputeTheOfflineRowsRowForRowFromWireRecords() throws Exception {
        Table offlineRoles = FeatureTables.threadRoles(session, RoleRules.DEFAULT);
        Table offlineFrames = FeatureTables.frames(session);
        List<ThreadRoleRow> roles = new ArrayList<>();
        List<FrameRow> frames = new ArrayList<>();
        OnlineFeatures online = new OnlineFeatures(List.of(new ThreadRoleWindows(roles::add), new FrameWindows(frames::add)));

        List<Record> events = SessionEvents.read(session, Set.of());
        for (Record event : events) {
            EventType type = typeOf(event);
            online.onEvent(3, WireRecordEncoder.encode(event), 0, type.size());
        }
        online.finish();

        assertTrue(offlineRoles.rowCount() > 20, "fixture has thread windows: " + offlineRoles.rowCount());
        assertEquals(offlineRoles.rowCount(), roles.size(), "thread-role rows");
        for (int i = 0; i < roles.size(); i++) {
            ThreadRoleRow row = roles.get(i);
            assertEquals(offlineRoles.intColumn("tid").getInt(i), row.tid(), "tid of row " + i);
            assertEquals(offlineRoles.intColumn("pid").getInt(i), row.pid(), "pid of row " + i);
            assertEquals(offlineRoles.longColumn("window_start_ns").getLong(i), row.windowStartNs(), "window of row " + i);
            assertEquals(offlineRoles.stringColumn("heuristic").get(i), row.heuristic().name(), "heuristic of row " + i);
            assertArrayEquals(FeatureTables.featureVector(offlineRoles, i, FeatureSet.THREAD_ROLE), row.features(),
                    "features of thread-role row " + i);
        }
        assertTrue(offlineFrames.rowCount() > 100, "fixture has frames: " + offlineFrames.rowCount());
        assertEquals(offlineFrames.rowCount(), frames.size(), "frame rows");
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(offlineFrames.longColumn("frame_seq").getLong(i), frames.get(i).frameSeq(), "seq of frame " + i);
            assertArrayEquals(FeatureTables.featureVector(offlineFrames, i, FeatureSet.FRAME), frames.get(i).features(),
                    "features of frame row " + i);
        }
        assertEquals(events.size(), online.fed(), "every recorded event fed");
        assertEquals(0, online.outOfOrder() + online.malformed() + online.skipped(), "nothing dropped");
    }

    @Test
    void shouldPutEventsFromSeveralRingsBackInOrderWithinTheReorderWindow() throws Exception {
        List<Record> events = SessionEvents.read(session, Set.of());
        List<Record> shuffled = new ArrayList<>(events);
        int swaps = 0;
        for (int i = 0; i + 1 < shuffled.size(); i += 2) {
            long a = timestamp(shuffled.get(i));
            long b = timestamp(shuffled.get(i + 1));
            if (a < b && b - a < 5_000_000L) {
                java.util.Collections.swap(shuffled, i, i + 1);
                swaps++;
            }
        }
        Table offline = FeatureTables.threadRoles(session, RoleRules.DEFAULT);
        List<ThreadRoleRow> rows = new ArrayList<>();
        OnlineFeatures reordering = new OnlineFeatures(List.of(new ThreadRoleWindows(rows::add)), 10_000_000L);
        OnlineFeatures plain = new OnlineFeatures(List.of(new ThreadRoleWindows(r -> { })));
        shuffled.forEach(reordering::accept);
        shuffled.forEach(plain::accept);
        reordering.finish();

        assertTrue(swaps > 100, "swapped " + swaps);
        assertEquals(0, reordering.outOfOrder());
        assertEquals(swaps, plain.outOfOrder(), "without a reorder window each swapped event is dropped");
        assertEquals(offline.rowCount(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(FeatureTables.featureVector(offline, i, FeatureSet.THREAD_ROLE), rows.get(i).features(),
                    "features of thread-role row " + i);
        }
    }

    private static long timestamp(Record event) {
        OnlineFeatures probe = new OnlineFeatures(List.of(new ThreadRoleWindows(r -> { })));
        probe.accept(event);
        return probe.lastTimestampNs();
    }

    @Test
    void shouldDropAndCountEventsOlderThanOneFed() throws Exception {
        List<ThreadRoleRow> roles = new ArrayList<>();
        OnlineFeatures online = new OnlineFeatures(List.of(new ThreadRoleWindows(roles::add)));
        List<Record> events = SessionEvents.read(session, Set.of());
        online.accept(events.get(10));
        online.accept(events.get(3));
        online.accept(events.get(2));

        assertEquals(1, online.fed(), "only the newest fed");
        assertEquals(2, online.outOfOrder(), "older ones dropped and counted");
    }

    @Test
    void shouldCountMalformedAndSkipUnusedTypes() {
        OnlineFeatures online = new OnlineFeatures(List.of(new ThreadRoleWindows(r -> { })));
        ByteBuffer applied = WireRecordEncoder.encode(
                new PolicyAppliedEvent(0, 5_000, 1, 2, 4_000, 9_000, 0, 400, ThreadClass.RENDER));
        online.onEvent(0, applied, 0, EventType.POLICY_APPLIED.size());
        ByteBuffer unknown = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        unknown.putShort(0, (short) 77);
        online.onEvent(0, unknown, 0, 64);
        ByteBuffer tooShort = WireRecordEncoder.encode(
                new PolicyAppliedEvent(0, 6_000, 1, 2, 4_000, 9_000, 0, 400, ThreadClass.RENDER));
        tooShort.putShort(0, (short) EventType.TASK_STATS.code());
        online.onEvent(0, tooShort, 0, EventType.POLICY_APPLIED.size());

        assertEquals(1, online.skipped(), "policy_applied is read by no feature");
        assertTrue(EventType.TASK_STATS.size() > EventType.POLICY_APPLIED.size(), "the short record is short");
        assertEquals(2, online.malformed(), "unknown type and a record shorter than its type");
        assertEquals(0, online.fed());
    }
}
