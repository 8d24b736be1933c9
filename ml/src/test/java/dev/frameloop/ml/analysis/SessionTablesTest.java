package dev.frameloop.ml.analysis;

import dev.frameloop.core.event.EventType;
import dev.frameloop.ml.fixture.FixtureDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTablesTest {
    private static final double EPS = 1e-9;

    @TempDir
    static Path shared;
    private static Path dataset;

    @BeforeAll
    static void writeFixture() throws Exception {
        dataset = FixtureDataset.write(shared.resolve("data"));
    }

    @Test
    void shouldLoadTheNewestSessionOfADatasetWithCountsAndRates() {
        SessionTables session = SessionTables.load(dataset);
        assertEquals(FixtureDataset.MAIN, session.id());
        assertEquals(FixtureDataset.MAIN_DURATION, session.duration());
        Table counts = session.eventCounts();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Double> rates = new HashMap<>();
        for (Row r : counts) {
            rows.put(r.getString("event"), r.getLong("rows"));
            rates.put(r.getString("event"), r.getDouble("per second"));
            assertEquals(0, r.getLong("lost"));
        }
        assertEquals(EventType.values().length, counts.rowCount());
        long frames = FixtureDataset.GAME_FRAMES + FixtureDataset.COMPOSITOR_FRAMES;
        assertEquals(frames, rows.get("frame_timing"));
        assertEquals(5L * FixtureDataset.WINDOWS + FixtureDataset.BACKGROUND_WINDOWS, rows.get("task_stats"));
        assertEquals(3L, rows.get("process"));
        assertEquals(6L, rows.get("thread_class"));
        assertEquals(30L, rows.get("migration"));
        assertEquals(7L, rows.get("deadline_miss"));
        assertEquals(0L, rows.get("input"));
        assertEquals(frames / 20.0, rates.get("frame_timing"), EPS);
        assertEquals(0.35, rates.get("deadline_miss"), EPS);
    }

    @Test
    void shouldLoadOneSessionFolderOrANamedSession() {
        SessionTables byFolder = SessionTables.load(dataset.resolve("session=" + FixtureDataset.EARLIER.value()));
        assertEquals(FixtureDataset.EARLIER, byFolder.id());
        assertEquals(60, byFolder.table("frame_timing").rowCount());
        assertEquals(dataset.toAbsolutePath().normalize(), byFolder.datasetDir());
        SessionTables byId = SessionTables.load(dataset, FixtureDataset.EARLIER.value());
        assertEquals(60, byId.table(EventType.FRAME_TIMING).rowCount());
    }

    @Test
    void shouldSummariseEveryThread() {
        Table threads = SessionTables.load(dataset).threads();
        assertEquals(FixtureDataset.THREADS.size(), threads.rowCount());
        assertEquals(List.of(FixtureDataset.COMPOSITOR_PID, FixtureDataset.BACKGROUND_PID, FixtureDataset.GAME_PID,
                FixtureDataset.GAME_PID, FixtureDataset.GAME_PID, FixtureDataset.GAME_PID), threads.intColumn("pid").asList());
        Row render = threadRow(threads, FixtureDataset.RENDER_TID);
        assertEquals("render", render.getString("comm"));
        assertEquals("RENDER", render.getString("class"));
        assertEquals(9000, render.getDouble("run ms"), EPS);
        assertEquals(45, render.getDouble("cpu %"), EPS);
        assertEquals(1200, render.getLong("wakeups"));
        assertEquals(20, render.getDouble("mean wake→run µs"), EPS);
        assertEquals(80, render.getDouble("max wake→run µs"), EPS);
        assertEquals(10, render.getLong("migrations"));
        assertEquals(5, render.getLong("deadline misses"));
        assertEquals(30, render.getDouble("worst miss ms"), EPS);
        Row background = threadRow(threads, FixtureDataset.BACKGROUND_PID);
        assertEquals("updatedb", background.getString("comm"));
        assertEquals(39, background.getDouble("cpu %"), EPS);
        assertEquals(13 * 40, background.getLong("preempted"));
        assertEquals(15, background.getLong("migrations"));
        assertEquals(0, background.getLong("deadline misses"));
        assertEquals(2, threadRow(threads, FixtureDataset.AUDIO_TID).getLong("deadline misses"));
    }

    private static Row threadRow(Table threads, int tid) {
        for (Row r : threads) {
            if (r.getInt("tid") == tid) {
                return r;
            }
        }
        throw new AssertionError("no thread " + tid + " in\n" + threads.print());
    }

    @Test
    void shouldFindTheGameAndItsFrameTimes() {
        SessionTables session = SessionTables.load(dataset);
        assertEquals(FixtureDataset.GAME_PID, session.gamePid());
        assertEquals(List.of(FixtureDataset.GAME_PID, FixtureDataset.COMPOSITOR_PID), session.presenters().intColumn("pid").asList());
        FrameTimeSeries frames = session.frames();
        assertEquals(FixtureDataset.GAME_INTERVALS, frames.size());
        FrameTimeStats stats = frames.stats();
        // 1174 × 16 ms + 24 × 25 ms + 2 × 50 ms = 19484 ms
        assertEquals(19484, stats.totalMs(), 1e-6);
        assertEquals(40, stats.onePercentLowFps(), 1e-6);
        assertEquals(20, stats.pointOnePercentLowFps(), 1e-6);
        assertEquals(25, stats.percentileMs(99), 1e-6);
        assertEquals(16, stats.percentileMs(50), 1e-6);
        assertEquals(2, stats.stutterCount());
        Table stutters = frames.stutters();
        assertEquals(List.of(401L, 901L), stutters.longColumn("frame_seq").asList());
        Table series = frames.table();
        assertEquals(0, series.doubleColumn("t s").get(0), EPS);
        assertEquals(16, series.doubleColumn("frame time ms").get(0), EPS);
        assertEquals(2, frames.chart().getSeriesMap().size());
        assertEquals(99, session.frames(FixtureDataset.COMPOSITOR_PID).size());
    }

    @Test
    void shouldSayWhenTheFolderDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("nothing-here");
        SessionLoadException e = assertThrows(SessionLoadException.class, () -> SessionTables.load(missing));
        assertEquals("cannot load a session from " + missing + ": it does not exist", e.getMessage());
    }

    @Test
    void shouldSayWhenTheFolderHoldsNoSession(@TempDir Path dir) {
        SessionLoadException e = assertThrows(SessionLoadException.class, () -> SessionTables.load(dir));
        assertTrue(e.getMessage().startsWith("no session in " + dir + ": a dataset folder holds session=<id> folders"), e.getMessage());
    }

    @Test
    void shouldRefuseAFileAndABadSessionId(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertTrue(assertThrows(SessionLoadException.class, () -> SessionTables.load(file)).getMessage()
                .contains("it is not a folder"));
        assertTrue(assertThrows(SessionLoadException.class, () -> SessionTables.load(dataset, "yesterday")).getMessage()
                .startsWith("'yesterday' is not a session id"));
        assertEquals("no session 20200101T000000.000Z-000000 in " + dataset.toAbsolutePath().normalize(),
                assertThrows(SessionLoadException.class, () -> SessionTables.load(dataset, "20200101T000000.000Z-000000")).getMessage());
    }

    @Test
    void shouldNameACorruptPartFile(@TempDir Path dir) throws Exception {
        Path copy = FixtureDataset.write(dir.resolve("data"));
        Path part = firstPart(copy.resolve("session=" + FixtureDataset.MAIN.value()).resolve("event=frame_timing"));
        Files.write(part, "this is not parquet".getBytes());
        SessionLoadException e = assertThrows(SessionLoadException.class, () -> SessionTables.load(copy));
        assertTrue(e.getMessage().startsWith("cannot load session " + FixtureDataset.MAIN.value() + " from " + copy + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(part.getFileName().toString()), e.getMessage());
        // the reader's own message says what fsck does with such a file: said once
        assertEquals(1, e.getMessage().split("frameloop fsck", -1).length - 1, e.getMessage());
    }

    @Test
    void shouldNameAMissingManifest(@TempDir Path dir) throws Exception {
        Path copy = FixtureDataset.write(dir.resolve("data"));
        Path manifest = copy.resolve("session=" + FixtureDataset.MAIN.value()).resolve("manifest.json");
        Files.delete(manifest);
        SessionLoadException e = assertThrows(SessionLoadException.class, () -> SessionTables.load(copy));
        assertTrue(e.getMessage().contains("manifest.json does not exist"), e.getMessage());
        assertTrue(e.getMessage().endsWith("`frameloop fsck " + copy + "` checks the dataset and repairs what it can"), e.getMessage());
    }

    private static Path firstPart(Path tableDir) throws Exception {
        try (Stream<Path> files = Files.list(tableDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
    }
}
