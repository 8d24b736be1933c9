package dev.frameloop.ml.features;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameSource;
import dev.frameloop.core.event.FrameTimingEvent;
import dev.frameloop.core.event.TaskStatsEvent;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.ml.fixtures.FixtureSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureTablesTest {
    @TempDir
    Path dir;

    @Test
    void shouldEmitTheSameThreadRowsFedEventByEventAsTheBatchDriver() throws Exception {
        SessionReader session = oneSession(new FixtureSessions(7, 6));
        Table batch = FeatureTables.threadRoles(session, RoleRules.DEFAULT);

        List<ThreadRoleRow> live = new ArrayList<>();
        ThreadRoleWindows windows = new ThreadRoleWindows(live::add);
        for (Record event : SessionEvents.read(session, EnumSet.noneOf(EventType.class))) {
            windows.accept(event);
        }
        windows.finish();

        assertEquals(batch.rowCount(), live.size());
        assertEquals(9 * 7, live.size(), "9 threads; a sample counts where it ends, so 6 s of samples span 7 windows");
        for (int i = 0; i < live.size(); i++) {
            assertArrayEquals(live.get(i).features(), FeatureTables.featureVector(batch, i, FeatureSet.THREAD_ROLE),
                    "row " + i);
            assertEquals(live.get(i).tid(), batch.intColumn("tid").getInt(i));
        }
    }

    @Test
    void shouldEmitTheSameFrameRowsFedEventByEventAsTheBatchDriver() throws Exception {
        SessionReader session = oneSession(new FixtureSessions(8, 5));
        Table batch = FeatureTables.frames(session);

        List<FrameRow> live = new ArrayList<>();
        FrameWindows windows = new FrameWindows(live::add);
        for (Record event : SessionEvents.read(session, EnumSet.noneOf(EventType.class))) {
            windows.accept(event);
        }
        windows.finish();

        assertTrue(live.size() > 200, "about 60 frames a second for 5 s, got " + live.size());
        assertEquals(batch.rowCount(), live.size());
        for (int i = 0; i < live.size(); i++) {
            assertArrayEquals(live.get(i).features(), FeatureTables.featureVector(batch, i, FeatureSet.FRAME), "row " + i);
            assertEquals(live.get(i).nextMiss() ? FeatureTables.MISS : FeatureTables.OK,
                    batch.stringColumn("next_miss").get(i));
        }
    }

    @Test
    void shouldLabelThreadsByTheirCommAndKeepTheSchedulersClass() throws Exception {
        Table table = FeatureTables.threadRoles(oneSession(new FixtureSessions(9, 3)), RoleRules.DEFAULT);

        Table render = table.where(table.stringColumn("comm").isEqualTo("sg-render"));
        assertEquals(4, render.rowCount(), "3 s of samples ending at 0.1 .. 3.0 s span 4 windows");
        assertEquals("RENDER", render.stringColumn("label").get(0));
        assertEquals("RENDER", render.stringColumn("heuristic").get(0));
        assertEquals(1.0, render.doubleColumn("heuristic_render").getDouble(0));
        assertEquals(1.0, render.doubleColumn("in_game_process").getDouble(0));
        assertTrue(render.doubleColumn("present_share").getDouble(1) > 0.99, "the render thread presents every frame");
        Table kworker = table.where(table.stringColumn("comm").isEqualTo("kworker/0:1"));
        assertEquals("", kworker.stringColumn("label").get(0), "no rule names a kernel worker's role");
    }

    @Test
    void shouldComputeFrameFeaturesFromTheIntervalsAsDocumented() {
        List<FrameRow> rows = new ArrayList<>();
        FrameWindows windows = new FrameWindows(rows::add);
        long t = 1_000_000_000L;
        double[] intervals = {16, 16, 16, 16, 16, 16, 16, 32, 16, 40};
        windows.accept(frame(t, 0, 1));
        for (int i = 0; i < intervals.length; i++) {
            long ns = (long) (intervals[i] * 1_000_000);
            t += ns;
            windows.accept(frame(t, ns, i + 2));
        }
        windows.accept(new TaskStatsEvent(0, t, 9, 9, "hog".getBytes(StandardCharsets.UTF_8), t - 100_000_000L,
                100_000_000L, 50_000_000L, 0, 0, 0, 0, 0, 0, 0, ThreadClass.BACKGROUND));

        // rows for frames 8 and 9 (the first with 8 intervals, and its successor); frame 10 waits for its label
        assertEquals(2, rows.size());
        FrameRow first = rows.get(0);
        assertEquals(32.0, first.features()[0], "interval_1 is the newest (frame 8: 32 ms)");
        assertEquals(16.0, first.features()[FeatureSet.indexOf(FeatureSet.FRAME, "target_ms")]);
        assertEquals(1, (int) first.features()[FeatureSet.indexOf(FeatureSet.FRAME, "recent_misses")],
                "32 ms > 1.5 x 16 ms");
        assertEquals(false, first.nextMiss(), "frame 9 is 16 ms");
        FrameRow second = rows.get(1);
        assertEquals(true, second.nextMiss(), "frame 10 is 40 ms");
        assertEquals(40.0, second.nextIntervalMs());
        double mean = (16 * 6 + 32 + 16) / 8.0;
        assertEquals(mean, second.features()[FeatureSet.indexOf(FeatureSet.FRAME, "interval_mean_ms")], 1e-9);
    }

    @Test
    void shouldRefuseEventsOutOfTimestampOrder() {
        FrameWindows windows = new FrameWindows(row -> { });
        windows.accept(frame(2_000, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> windows.accept(frame(1_000, 0, 2)));
    }

    @Test
    void shouldNameTheSessionAndTheMissingEventTypeWhenATaskCannotBeServed() throws Exception {
        SessionReader session = oneSession(new FixtureSessions(3, 2, EnumSet.of(EventType.FRAME_TIMING)));

        FeatureInputException e = assertThrows(FeatureInputException.class,
                () -> FeatureTables.threadRoles(session, RoleRules.DEFAULT));
        assertTrue(e.getMessage().contains(session.id().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no task_stats events"), e.getMessage());
    }

    @Test
    void shouldDocumentEveryFeatureInTheCommittedFeaturesFile() throws Exception {
        Path doc = Path.of(System.getProperty("frameloop.root"), "ml", "FEATURES.md");
        assertEquals(FeatureSet.markdown(), Files.readString(doc),
                "ml/FEATURES.md is out of date: regenerate it from FeatureSet.markdown()");
    }

    private SessionReader oneSession(FixtureSessions fixtures) throws Exception {
        String id = fixtures.write(dir, 1).get(0);
        Dataset dataset = EventTables.openDataset(dir.toString());
        return dataset.session(SessionId.parse(id));
    }

    private static FrameTimingEvent frame(long t, long interval, long seq) {
        return new FrameTimingEvent(0, t, 5, 6, interval, 0, 0, 1, seq, FrameSource.EGL_SWAP_BUFFERS, false, false);
    }
}
