package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.LocalStorage;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.frameloop.core.dataset.Sessions.CATALOG;
import static dev.frameloop.core.dataset.Sessions.INFO;
import static dev.frameloop.core.dataset.Sessions.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionWriterTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void shouldRollByRowsAndNeverShowATemporaryFileUnderAFinalName() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(storage, id, INFO, Sessions.rollEvery(100), clock);
        TableWriter<SampleTable.SampleRow> table = session.table(SampleTable.table());
        SampleTable.SampleRow row = new SampleTable.SampleRow();

        for (int i = 0; i < 250; i++) {
            assertTrue(table.write(row.set(i)));
            List<String> names = Sessions.tableFiles(storage, id);
            long temps = names.stream().filter(n -> DatasetPaths.tempPartIndex(n).isPresent()).count();
            long finals = names.stream().filter(n -> DatasetPaths.partIndex(n).isPresent()).count();
            assertEquals(names.size(), temps + finals, "unexpected files: " + names);
            assertEquals((i + 1) % 100 == 0 ? 0 : 1, temps, "after row " + i + ": " + names);
            assertEquals((i + 1) / 100, finals, "after row " + i + ": " + names);
            for (String name : names) {
                if (DatasetPaths.partIndex(name).isPresent()) {
                    // every file under a final name is complete, at every moment
                    PartFileInspector.footer(storage, DatasetPaths.tableDir(id, SampleTable.NAME) + "/" + name,
                            SampleTable.NAME, CATALOG);
                }
            }
        }
        SessionSummary summary = session.finish("done");

        assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00002.parquet"),
                Sessions.tableFiles(storage, id));
        SessionReader reader = new Dataset(storage, CATALOG).session(id);
        assertEquals(List.of(100L, 100L, 50L), reader.files(SampleTable.NAME).stream().map(PartFooter::rows).toList());
        List<GenericRecord> rows = reader.readAll(SampleTable.NAME);
        assertEquals(250, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(row.set(i).value, rows.get(i).get("value"), "row " + i);
        }
        assertTrue(summary.isClean());
        TableCounts counts = summary.manifest().events().get(SampleTable.NAME);
        assertEquals(new TableCounts(1, 250, 250, 0, 0), counts);
        assertEquals(3, summary.manifest().files().size());
        assertEquals(SessionState.FINISHED, summary.manifest().state());
        assertEquals("done", summary.manifest().exitReason());
    }

    @Test
    void shouldNameTheSourcesSetMidSessionInTheFinalManifest() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(storage, id, INFO, Sessions.rollEvery(100), clock);
        java.util.Map<String, String> sources = new java.util.TreeMap<>(INFO.eventSources());
        sources.put("migration", "scheduler:gamer, tp_btf:sched_migrate_task");

        session.setEventSources(sources);
        SessionSummary summary = session.finish("done");

        assertEquals(sources, summary.manifest().eventSources());
        assertEquals(INFO.mode(), summary.manifest().mode());
        assertEquals(sources, new Dataset(storage, CATALOG).session(id).manifest().eventSources());
    }

    @Test
    void shouldRollByTimeOnTickOnlyOnceTheIntervalHasPassed() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriterOptions options = SessionWriterOptions.DEFAULT
                .withRoll(new RollPolicy(1_000_000, Duration.ofSeconds(10)));
        SessionWriter session = SessionWriter.create(storage, id, INFO, options, clock);
        TableWriter<SampleTable.SampleRow> table = session.table(SampleTable.table());

        Sessions.writeRows(table, 0, 5);
        clock.advance(Duration.ofMillis(9_999));
        session.tick();
        assertEquals(List.of(DatasetPaths.tempPartName(0)), Sessions.tableFiles(storage, id));

        clock.advance(Duration.ofMillis(1));
        session.tick();
        assertEquals(List.of(DatasetPaths.partName(0)), Sessions.tableFiles(storage, id));

        // no rows: no new file, however long we wait
        clock.advance(Duration.ofSeconds(60));
        session.tick();
        assertEquals(List.of(DatasetPaths.partName(0)), Sessions.tableFiles(storage, id));

        // the next file's interval starts when it opens
        Sessions.writeRows(table, 5, 3);
        clock.advance(Duration.ofSeconds(5));
        session.tick();
        assertEquals(List.of(DatasetPaths.tempPartName(1), DatasetPaths.partName(0)), Sessions.tableFiles(storage, id));
        clock.advance(Duration.ofSeconds(5));
        session.tick();
        assertEquals(List.of(DatasetPaths.partName(0), DatasetPaths.partName(1)), Sessions.tableFiles(storage, id));

        session.finish("done");
        assertEquals(List.of(5L, 3L), new Dataset(storage, CATALOG).session(id).files(SampleTable.NAME).stream()
                .map(PartFooter::rows).toList());
    }

    @Test
    void shouldRewriteTheManifestOnTickWhenItsIntervalHasPassed() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(storage, id, INFO, Sessions.rollEvery(100), clock);
        TableWriter<SampleTable.SampleRow> table = session.table(SampleTable.table());

        SessionManifest first = ManifestJson.read(storage, id);
        assertEquals(SessionState.RECORDING, first.state());
        assertEquals(START, first.startedAt());
        assertEquals("testhost", first.host());

        Sessions.writeRows(table, 0, 150);
        clock.advance(Duration.ofSeconds(4));
        session.tick();
        assertEquals(first, ManifestJson.read(storage, id), "rewritten before its interval");

        clock.advance(Duration.ofSeconds(1));
        session.setRingDrops("sample_ring", 7);
        session.tick();
        SessionManifest second = ManifestJson.read(storage, id);
        assertEquals(new TableCounts(1, 150, 100, 0, 50), second.events().get(SampleTable.NAME));
        assertEquals(7L, second.ringDrops().get("sample_ring"));
        assertEquals(START.plusSeconds(5), second.updatedAt());
        assertEquals(List.of(new DataFile(SampleTable.NAME, "event=sample/part-00000.parquet", 100,
                Files.size(dir.resolve(DatasetPaths.tableDir(id, SampleTable.NAME)).resolve("part-00000.parquet")))),
                second.files());
        session.finish("done");
    }

    @Test
    void shouldWriteReadAndCheckASessionThroughAHadoopFileSystemUri() throws Exception {
        DatasetStorage storage = DatasetStorage.open(dir.toUri().toString());
        DatasetStorage hadoop = dev.frameloop.core.dataset.storage.HadoopStorage.open(dir.toUri(),
                new org.apache.hadoop.conf.Configuration());
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(hadoop, id, INFO, Sessions.rollEvery(100), clock);
        Sessions.writeRows(session.table(SampleTable.table()), 0, 250);
        SessionSummary summary = session.finish("done");

        assertTrue(summary.isClean(), summary.toString());
        assertEquals(3, summary.manifest().files().size());
        assertEquals(250, new Dataset(hadoop, CATALOG).session(id).readAll(SampleTable.NAME).size());
        // the same files, read through java.nio, and checked by fsck through Hadoop
        assertEquals(250, new Dataset(storage, CATALOG).session(id).count(SampleTable.NAME));
        assertTrue(new DatasetFsck(hadoop, CATALOG, FsckOptions.DEFAULT, clock).run().isClean());
        assertFalse(Files.exists(dir.resolve(DatasetPaths.lock(id))));
    }

    @Test
    void shouldRecordThroughAnotherHadoopSchemeMountedOverALocalFolder() throws Exception {
        // viewfs: Hadoop's mount-table file system, resolved offline; here /data is mounted on this test's folder
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        conf.set("fs.viewfs.mounttable.frameloop.link./data", dir.toUri().toString());
        DatasetStorage viewfs = dev.frameloop.core.dataset.storage.HadoopStorage.open(
                java.net.URI.create("viewfs://frameloop/data"), conf);
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(viewfs, id, INFO, Sessions.rollEvery(100), clock);
        Sessions.writeRows(session.table(SampleTable.table()), 0, 250);
        SessionSummary summary = session.finish("done");

        assertTrue(summary.isClean(), summary.toString());
        assertEquals(3, summary.manifest().files().size());
        assertEquals(250, new Dataset(viewfs, CATALOG).session(id).readAll(SampleTable.NAME).size());
        assertTrue(viewfs.describe(DatasetPaths.sessionDir(id)).startsWith("viewfs://frameloop/data/"),
                viewfs.describe(DatasetPaths.sessionDir(id)));
        // the files landed in the mounted folder: read there through java.nio and DuckDB
        assertEquals(250, new Dataset(new LocalStorage(dir), CATALOG).session(id).count(SampleTable.NAME));
        assertEquals(250, DuckDb.count(dir, SampleTable.NAME));
        assertTrue(new DatasetFsck(viewfs, CATALOG, FsckOptions.DEFAULT, clock).run().isClean());
    }

    @Test
    void shouldRefuseASessionIdThatExists() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriter.create(storage, id, INFO, SessionWriterOptions.DEFAULT, clock).finish("done");
        byte[] manifest = storage.read(DatasetPaths.manifest(id));

        SessionExistsException e = assertThrows(SessionExistsException.class,
                () -> SessionWriter.create(storage, id, INFO, SessionWriterOptions.DEFAULT, clock));

        assertTrue(e.getMessage().contains("session " + id + " already exists"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertEquals(ByteBuffer.wrap(manifest), ByteBuffer.wrap(storage.read(DatasetPaths.manifest(id))),
                "the existing session was touched");
    }

    @Test
    void shouldStopCleanlyWhenAWriteFailsAndCountWhatWasLost() throws Exception {
        FaultyStorage storage = new FaultyStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriterOptions options = Sessions.rollEvery(100)
                .withParquet(dev.frameloop.core.dataset.parquet.ParquetSettings.DEFAULT);
        SessionWriter session = SessionWriter.create(storage, id, INFO, options, clock);
        TableWriter<SampleTable.SampleRow> sample = session.table(SampleTable.table());
        TableWriter<SampleTable.SampleRow> other = session.table(SampleTable.table("other", SampleTable.SCHEMA));
        Sessions.writeRows(sample, 0, 130);
        Sessions.writeRows(other, 0, 105);

        storage.failAfterBytes(0);
        Sessions.writeRows(sample, 130, 70); // the roll at row 200 writes the file: the disk is full
        storage.failAfterBytes(Long.MAX_VALUE / 2);

        assertFalse(session.isRecording());
        assertTrue(session.failure().orElseThrow().getMessage().contains("No space left on device"));
        assertFalse(sample.write(new SampleTable.SampleRow().set(500)), "accepted a row after the failure");
        SessionSummary summary = session.finish("SIGTERM");

        // the failed files are gone (the other table's open file could not be closed either:
        // same full disk); the files closed before the failure are valid
        assertEquals(List.of(DatasetPaths.partName(0)), Sessions.tableFiles(storage, id));
        SessionReader reader = new Dataset(storage, CATALOG).session(id);
        assertEquals(100, reader.count(SampleTable.NAME));
        assertEquals(100, reader.count("other"));
        assertEquals(100, reader.readAll("other").size());
        SessionManifest manifest = ManifestJson.read(storage, id);
        assertEquals(SessionState.FAILED, manifest.state());
        assertEquals(new TableCounts(1, 201, 100, 101, 0), manifest.events().get(SampleTable.NAME));
        assertEquals(new TableCounts(1, 105, 100, 5, 0), manifest.events().get("other"));
        assertEquals(106, manifest.failure().eventsLost());
        assertEquals(SampleTable.NAME, manifest.failure().event());
        assertTrue(manifest.failure().message().contains("No space left on device"), manifest.failure().message());
        assertTrue(manifest.exitReason().startsWith("SIGTERM (after a write failure"), manifest.exitReason());
        assertEquals(106, summary.eventsLost());
        assertFalse(summary.isClean());
    }

    @Test
    void shouldNeverGiveAFinalNameToAFileWhoseCloseFailed() throws Exception {
        FaultyStorage storage = new FaultyStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(storage, id, INFO, Sessions.rollEvery(1000), clock);
        TableWriter<SampleTable.SampleRow> table = session.table(SampleTable.table());
        Sessions.writeRows(table, 0, 10);

        storage.failOnClose();
        SessionSummary summary = session.finish("done");

        assertEquals(List.of(), Sessions.tableFiles(storage, id));
        assertEquals(new TableCounts(1, 10, 0, 10, 0), summary.manifest().events().get(SampleTable.NAME));
        assertEquals(SessionState.FAILED, ManifestJson.read(storage, id).state());
    }

    @Test
    void shouldReportAManifestThatCouldNotBeWrittenAtTheEnd() throws Exception {
        FaultyStorage storage = new FaultyStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(storage, id, INFO, Sessions.rollEvery(1000), clock);
        Sessions.writeRows(session.table(SampleTable.table()), 0, 10);

        storage.failReplace();
        SessionSummary summary = session.finish("done");

        assertTrue(summary.manifestError().isPresent());
        assertFalse(summary.isClean());
        assertEquals(10, summary.manifest().events().get(SampleTable.NAME).written());
        assertEquals(SessionState.RECORDING, ManifestJson.read(storage, id).state(), "the old manifest stays whole");
    }
}
