package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.parquet.ParquetSettings;
import dev.frameloop.core.dataset.storage.LocalStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static dev.frameloop.core.dataset.Sessions.CATALOG;
import static dev.frameloop.core.dataset.Sessions.INFO;
import static dev.frameloop.core.dataset.Sessions.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real full disk: a 1 MiB tmpfs. */
class DiskFullTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void shouldStopCleanlyWhenTheDiskFillsAtAFileClose() throws Exception {
        // row groups larger than a file: bytes reach the disk only when a file closes
        fillTheDisk(ParquetSettings.DEFAULT);
    }

    @Test
    void shouldStopCleanlyWhenTheDiskFillsInTheMiddleOfAFile() throws Exception {
        // small row groups: bytes reach the disk while a file is written
        fillTheDisk(new ParquetSettings(ParquetSettings.DEFAULT.codec(), ParquetSettings.DEFAULT.writerVersion(),
                16 * 1024, 4 * 1024, true, true));
    }

    private void fillTheDisk(ParquetSettings parquet) throws Exception {
        try (SmallFileSystem disk = SmallFileSystem.mount(dir, "1m")) {
            LocalStorage storage = new LocalStorage(disk.path());
            SessionId id = SessionId.startingAt(START);
            SessionWriterOptions options = new SessionWriterOptions(new RollPolicy(5_000, Duration.ofSeconds(30)),
                    parquet, Duration.ofSeconds(5));
            SessionWriter session = SessionWriter.create(storage, id, INFO, options, clock);
            TableWriter<SampleTable.SampleRow> table = session.table(SampleTable.table());
            SampleTable.SampleRow row = new SampleTable.SampleRow();
            SplittableRandom random = new SplittableRandom(42);
            long offered = 0;
            // incompressible rows (~40 bytes on disk each): 1 MiB fills within ~30,000
            while (session.isRecording() && offered < 1_000_000) {
                row.set(offered);
                row.value = random.nextLong();
                row.timestampNs = random.nextLong();
                random.nextBytes(row.comm);
                row.commLength = 16;
                table.write(row);
                offered++;
            }
            assertFalse(session.isRecording(), "1 MiB never filled up");
            for (int i = 0; i < 10; i++) {
                assertFalse(table.write(row), "a row was accepted after the failure");
                offered++;
            }
            SessionSummary summary = session.finish("SIGINT");

            Throwable failure = summary.failure().orElseThrow();
            assertTrue(failure.getMessage().contains("No space left on device"), failure.toString());
            assertTrue(summary.manifestError().isEmpty(), "manifest not written: " + summary.manifestError());
            SessionManifest manifest = ManifestJson.read(storage, id);
            assertEquals(SessionState.FAILED, manifest.state());
            TableCounts counts = manifest.events().get(SampleTable.NAME);
            assertEquals(offered, counts.received());
            assertEquals(offered - counts.written(), counts.lost());
            assertEquals(counts.lost(), manifest.failure().eventsLost());
            assertTrue(manifest.failure().message().contains("No space left on device"), manifest.failure().message());

            // no temporary file left; every closed file is complete and readable
            List<String> names = Sessions.tableFiles(storage, id);
            assertTrue(names.stream().allMatch(n -> DatasetPaths.partIndex(n).isPresent()), names.toString());
            assertFalse(names.isEmpty(), "no file was completed before the disk filled");
            SessionReader reader = new Dataset(storage, CATALOG).session(id);
            assertEquals(counts.written(), reader.count(SampleTable.NAME));
            assertEquals(counts.written(), reader.readAll(SampleTable.NAME).size());
            assertEquals(counts.written(), DuckDb.count(disk.path(), SampleTable.NAME));
            for (var footer : reader.files(SampleTable.NAME)) {
                PartFileInspector.verifyPages(storage, footer.path());
            }
            assertTrue(new DatasetFsck(storage, CATALOG, FsckOptions.DEFAULT, clock).run().isClean());
            assertTrue(Files.size(disk.path().resolve(DatasetPaths.manifest(id))) > 0);
        }
    }
}
