package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.FsckIssue.Kind;
import dev.frameloop.core.dataset.storage.LocalStorage;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static dev.frameloop.core.dataset.Sessions.CATALOG;
import static dev.frameloop.core.dataset.Sessions.INFO;
import static dev.frameloop.core.dataset.Sessions.START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetFsckTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START.plusSeconds(3600));

    private DatasetFsck fsck(FsckOptions options) {
        return new DatasetFsck(new LocalStorage(dir), CATALOG, options, clock);
    }

    private Path sessionDir(SessionId id) {
        return dir.resolve(DatasetPaths.sessionDir(id));
    }

    @Test
    void shouldMoveAsideWhatAKilledRecorderLeftRepairCountsAndBoundTheLoss() throws Exception {
        SessionId id = CrashedSessions.crash(dir);
        Path sample = sessionDir(id).resolve("event=sample");
        assertEquals(List.of(".part-00002.parquet.inprogress", "part-00000.parquet", "part-00001.parquet"),
                list(sample));
        assertEquals(SessionState.RECORDING, ManifestJson.read(new LocalStorage(dir), id).state());
        // Hive readers never see the files still being written
        assertEquals(200, DuckDb.countAll(dir));

        FsckReport report = fsck(FsckOptions.DEFAULT).run();

        SessionFsck result = report.sessions().get(0);
        assertEquals(SessionFsck.Outcome.REPAIRED, result.outcome());
        assertEquals(List.of("event=other/.part-00000.parquet.inprogress", "event=sample/.part-00002.parquet.inprogress"),
                result.issues().stream().filter(i -> i.kind() == Kind.INCOMPLETE).map(FsckIssue::path).sorted().toList());
        assertEquals(Map.of("sample", 200L, "other", 0L), result.rowsOnDisk());
        assertEquals(Map.of("sample", 250L, "other", 30L), result.rowsClaimed());
        // really lost: 80 + 30; the manifest knew of 50 + 30; the roll bound is 100 per open file
        assertEquals(80, result.eventsLostAtLeast());
        assertEquals(OptionalLong.of(2 * CrashingRecorder.ROLL_ROWS), result.eventsLostAtMost());
        assertTrue(result.note().contains("at least 80 and at most 200"), result.note());

        assertEquals(List.of("part-00000.parquet", "part-00001.parquet"), list(sample));
        assertEquals(List.of(".part-00002.parquet.inprogress"),
                list(sessionDir(id).resolve(DatasetPaths.INCOMPLETE).resolve("event=sample")));
        assertFalse(Files.exists(sessionDir(id).resolve(DatasetPaths.LOCK)), "stale lock left behind");

        SessionManifest manifest = ManifestJson.read(new LocalStorage(dir), id);
        assertEquals(SessionState.REPAIRED, manifest.state());
        assertEquals(new TableCounts(1, 250, 200, 50, 0), manifest.events().get("sample"));
        assertEquals(new TableCounts(1, 30, 0, 30, 0), manifest.events().get("other"));
        assertEquals(List.of("event=sample/part-00000.parquet", "event=sample/part-00001.parquet"),
                manifest.files().stream().map(DataFile::path).toList());
        SessionManifest.Repair repair = manifest.repairs().get(0);
        assertEquals(80, repair.eventsLostAtLeast());
        assertEquals(200L, repair.eventsLostAtMost());
        assertEquals(280, repair.rowsClaimed());
        assertEquals(200, repair.rowsOnDisk());
        assertTrue(manifest.exitReason().contains("without finishing"), manifest.exitReason());

        assertEquals(200, new Dataset(new LocalStorage(dir), CATALOG).session(id).readAll("sample").size());
        assertEquals(200, DuckDb.count(dir, "sample"));
        assertEquals(200, DuckDb.countAll(dir), "DuckDB read what fsck moved aside");

        FsckReport again = fsck(FsckOptions.DEFAULT).run();
        assertEquals(SessionFsck.Outcome.CLEAN, again.sessions().get(0).outcome(), again.toString());
        assertTrue(again.isClean());
    }

    @Test
    void shouldChangeNothingInADryRun() throws Exception {
        SessionId id = CrashedSessions.crash(dir);
        byte[] manifest = Files.readAllBytes(sessionDir(id).resolve(DatasetPaths.MANIFEST));
        List<String> before = list(sessionDir(id).resolve("event=sample"));

        FsckReport report = fsck(FsckOptions.DEFAULT.withDryRun(true)).run();

        assertEquals(SessionFsck.Outcome.REPAIRED, report.sessions().get(0).outcome());
        assertEquals(80, report.eventsLostAtLeast());
        assertFalse(report.sessions().get(0).manifestWritten());
        assertEquals(before, list(sessionDir(id).resolve("event=sample")));
        assertArrayEquals(manifest, Files.readAllBytes(sessionDir(id).resolve(DatasetPaths.MANIFEST)));
        assertFalse(Files.exists(sessionDir(id).resolve(DatasetPaths.INCOMPLETE)));
    }

    @Test
    void shouldLeaveALiveSessionAlone() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(storage, id, INFO, Sessions.rollEvery(100), clock);
        Sessions.writeRows(session.table(SampleTable.table()), 0, 150);

        SessionFsck result = fsck(FsckOptions.DEFAULT).check(id);

        assertEquals(SessionFsck.Outcome.SKIPPED, result.outcome());
        assertTrue(result.note().contains("recorder is running"), result.note());
        assertEquals(List.of(".part-00001.parquet.inprogress", "part-00000.parquet"),
                list(sessionDir(id).resolve("event=sample")));
        session.finish("done");
        assertEquals(150, new Dataset(storage, CATALOG).session(id).count("sample"));
    }

    @Test
    void shouldTakeARecentlyUpdatedSessionForLiveOnAStorageWithoutLocks() throws Exception {
        var hadoop = dev.frameloop.core.dataset.storage.HadoopStorage.open(dir.toUri(),
                new org.apache.hadoop.conf.Configuration());
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(hadoop, id, INFO, Sessions.rollEvery(100), clock);
        Sessions.writeRows(session.table(SampleTable.table()), 0, 150);
        clock.advance(java.time.Duration.ofSeconds(59));

        SessionFsck result = new DatasetFsck(hadoop, CATALOG, FsckOptions.DEFAULT, clock).check(id);

        assertEquals(SessionFsck.Outcome.SKIPPED, result.outcome());
        assertTrue(result.note().contains("no locks to tell a live recorder from a dead one"), result.note());
        assertEquals(List.of(".part-00001.parquet.inprogress", "part-00000.parquet"),
                list(sessionDir(id).resolve("event=sample")));
        session.finish("done");
        assertEquals(150, new Dataset(hadoop, CATALOG).session(id).count("sample"));
    }

    @Test
    void shouldDetectATruncatedFileInTheReaderAndMoveItAsideInFsck() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = finishedSession(storage, 250);
        Path part1 = sessionDir(id).resolve("event=sample/part-00001.parquet");
        truncate(part1, Files.size(part1) - 100);

        SessionReader reader = new Dataset(storage, CATALOG).session(id);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> reader.count("sample"));
        assertEquals(DatasetFormatException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().startsWith(part1.toString() + " is not a readable Parquet file"), e.getMessage());
        assertTrue(e.getMessage().contains("frameloop fsck"), e.getMessage());

        SessionFsck result = fsck(FsckOptions.DEFAULT).check(id);

        assertEquals(SessionFsck.Outcome.REPAIRED, result.outcome());
        FsckIssue issue = result.issues().get(0);
        assertEquals(Kind.CORRUPT, issue.kind());
        assertTrue(issue.detail().startsWith("is not a readable Parquet file ("), issue.detail());
        assertFalse(issue.detail().contains(dir.toString()) || issue.detail().contains("frameloop fsck"), issue.detail());
        assertEquals("event=sample/part-00001.parquet", issue.path());
        assertEquals("moved to _incomplete/event=sample/part-00001.parquet.corrupt", issue.action());
        // the manifest listed the file with its rows: the loss is known exactly
        assertEquals(100, result.eventsLostAtLeast());
        assertEquals(OptionalLong.of(100), result.eventsLostAtMost());
        assertEquals(150, reader.count("sample"));
        assertEquals(150, DuckDb.count(dir, "sample"));
        SessionManifest manifest = ManifestJson.read(storage, id);
        assertEquals(new TableCounts(1, 250, 150, 100, 0), manifest.events().get("sample"));
        assertEquals("done", manifest.exitReason());
    }

    @Test
    void shouldDetectAPageWhoseBytesChangedThroughItsChecksum() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = finishedSession(storage, 250);
        Path part0 = sessionDir(id).resolve("event=sample/part-00000.parquet");
        flipByte(part0, 200);

        SessionReader reader = new Dataset(storage, CATALOG).session(id);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> reader.readAll("sample"));
        assertTrue(e.getMessage().startsWith(part0 + " could not be read (damaged"), e.getMessage());

        SessionFsck result = fsck(FsckOptions.DEFAULT).check(id);

        assertEquals(Kind.CORRUPT, result.issues().get(0).kind());
        assertEquals(150, reader.readAll("sample").size());
    }

    @Test
    void shouldGiveACompleteTemporaryFileItsFinalName() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = finishedSession(storage, 250);
        Path table = sessionDir(id).resolve("event=sample");
        // the recorder died between closing part 2 and renaming it
        Files.move(table.resolve("part-00002.parquet"), table.resolve(".part-00002.parquet.inprogress"));

        SessionFsck result = fsck(FsckOptions.DEFAULT).check(id);

        assertEquals(Kind.RECOVERED, result.issues().get(0).kind());
        assertEquals(0, result.eventsLostAtLeast());
        assertEquals(OptionalLong.of(0), result.eventsLostAtMost());
        assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00002.parquet"), list(table));
        assertEquals(250, new Dataset(storage, CATALOG).session(id).count("sample"));
    }

    @Test
    void shouldReportForeignAndNewerFilesAndLeaveThemAlone() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = finishedSession(storage, 50);
        Path table = sessionDir(id).resolve("event=sample");
        Schema foreign = new Schema.Parser().parse("""
                {"type": "record", "name": "Other", "namespace": "org.example", "fields": [{"name": "x", "type": "long"}]}""");
        writeAvro(table.resolve("part-00005.parquet"), foreign, Map.of());
        Schema newer = SampleTable.schema(2);
        writeAvro(table.resolve("part-00006.parquet"), newer, Map.of(
                "frameloop.schema.version", "2", "frameloop.event.type", "sample"));

        SessionReader reader = new Dataset(storage, CATALOG).session(id);
        DatasetFormatException foreignError = assertThrows(DatasetFormatException.class, () -> reader.count("sample"));
        assertEquals(DatasetFormatException.Problem.FOREIGN, foreignError.problem());
        assertTrue(foreignError.getMessage().startsWith(table.resolve("part-00005.parquet")
                + " was not written by frameloop"), foreignError.getMessage());
        Files.move(table.resolve("part-00005.parquet"), dir.resolve("foreign.parquet"));
        DatasetFormatException newerError = assertThrows(DatasetFormatException.class, () -> reader.count("sample"));
        assertEquals(DatasetFormatException.Problem.NEWER, newerError.problem());
        assertEquals(table.resolve("part-00006.parquet") + " has schema version 2 of 'sample'; this build reads "
                + "versions up to 1: use a newer frameloop to read it", newerError.getMessage());
        Files.move(dir.resolve("foreign.parquet"), table.resolve("part-00005.parquet"));

        truncate(table.resolve("part-00000.parquet"), 100);
        byte[] manifest = Files.readAllBytes(sessionDir(id).resolve(DatasetPaths.MANIFEST));

        // a newer frameloop wrote part of this session: fsck changes nothing in it
        SessionFsck withNewer = fsck(FsckOptions.DEFAULT).check(id);

        assertEquals(SessionFsck.Outcome.SKIPPED, withNewer.outcome());
        assertEquals(List.of(Kind.CORRUPT, Kind.FOREIGN, Kind.NEWER),
                withNewer.issues().stream().map(FsckIssue::kind).toList());
        assertTrue(withNewer.note().contains("newer frameloop"), withNewer.note());
        assertEquals(List.of("part-00000.parquet", "part-00005.parquet", "part-00006.parquet"), list(table));
        assertArrayEquals(manifest, Files.readAllBytes(sessionDir(id).resolve(DatasetPaths.MANIFEST)));

        // without it, fsck repairs what it may and leaves the foreign file alone
        Files.delete(table.resolve("part-00006.parquet"));
        SessionFsck foreignOnly = fsck(FsckOptions.DEFAULT).check(id);

        assertEquals(SessionFsck.Outcome.PROBLEMS, foreignOnly.outcome());
        assertEquals(List.of(Kind.CORRUPT, Kind.FOREIGN), foreignOnly.issues().stream().map(FsckIssue::kind).toList());
        assertEquals("left alone", foreignOnly.issues().get(1).action());
        assertEquals(List.of("part-00005.parquet"), list(table));
        assertEquals(SessionState.REPAIRED, ManifestJson.read(storage, id).state());
    }

    @Test
    void shouldRebuildAMissingManifestAndDeleteLeftovers() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = finishedSession(storage, 250);
        Files.delete(sessionDir(id).resolve(DatasetPaths.MANIFEST));
        Files.writeString(sessionDir(id).resolve(DatasetPaths.MANIFEST_TEMP), "{\"format\": \"frameloop-ses");

        SessionFsck result = fsck(FsckOptions.DEFAULT).check(id);

        assertEquals(List.of(Kind.MANIFEST, Kind.LEFTOVER), result.issues().stream().map(FsckIssue::kind).toList());
        assertFalse(Files.exists(sessionDir(id).resolve(DatasetPaths.MANIFEST_TEMP)));
        SessionManifest manifest = ManifestJson.read(storage, id);
        assertEquals(SessionState.REPAIRED, manifest.state());
        assertEquals(new TableCounts(1, 250, 250, 0, 0), manifest.events().get("sample"));
        assertEquals(3, manifest.files().size());
        assertEquals(START, manifest.startedAt());
        assertNull(manifest.endedAt());
    }

    @Test
    void shouldFindNothingToDoInACleanSession() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = finishedSession(storage, 250);
        byte[] manifest = Files.readAllBytes(sessionDir(id).resolve(DatasetPaths.MANIFEST));

        FsckReport report = fsck(FsckOptions.DEFAULT).run();

        assertTrue(report.isClean());
        assertFalse(report.repairedSomething());
        assertEquals(List.of(), report.sessions().get(0).issues());
        assertArrayEquals(manifest, Files.readAllBytes(sessionDir(id).resolve(DatasetPaths.MANIFEST)));
    }

    private SessionId finishedSession(LocalStorage storage, int rows) throws Exception {
        SessionId id = SessionId.startingAt(START);
        SessionWriter session = SessionWriter.create(storage, id, INFO, Sessions.rollEvery(100), clock);
        Sessions.writeRows(session.table(SampleTable.table()), 0, rows);
        session.finish("done");
        return id;
    }

    private static List<String> list(Path dir) throws Exception {
        try (var stream = Files.list(dir)) {
            return stream.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void truncate(Path file, long size) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void flipByte(Path file, long position) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0xFF);
        }
    }

    private static void writeAvro(Path file, Schema schema, Map<String, String> footer) throws Exception {
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withExtraMetaData(footer).build()) {
            GenericRecord record = new GenericData.Record(schema);
            for (Schema.Field field : schema.getFields()) {
                record.put(field.name(), switch (field.schema().getType()) {
                    case LONG -> 1L;
                    case INT -> 1;
                    case BOOLEAN -> true;
                    case ENUM -> new GenericData.EnumSymbol(field.schema(), "A");
                    case BYTES -> ByteBuffer.wrap(new byte[] {1});
                    default -> throw new IllegalArgumentException(field.toString());
                });
            }
            writer.write(record);
        }
    }
}
