package dev.frameloop.collector.record;

import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.TableWriter;
import dev.frameloop.core.dataset.bench.FrameTimingSamples;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.dataset.storage.LocalStorage;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameTimingEventFlyweight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a small throw-away session before anything loads, so that the first part file of the real
 * session opens at once: Parquet's and Hadoop's classes load, and Hadoop's Configuration parses its
 * XML, on the main thread (seconds on a slow guest) instead of on the ring reader's thread while the
 * rings fill up.
 */
final class WriterWarmUp {
    private static final int ROWS = 2_000;

    private WriterWarmUp() {
    }

    static void run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("frameloop-record-warmup-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary folder", e);
        }
        try {
            SessionWriter session = SessionWriter.create(new LocalStorage(dir), SessionId.startingAt(Clock.systemUTC().instant()),
                    new SessionInfo("", "", "warm-up", "", Map.of()), SessionWriterOptions.DEFAULT, Clock.systemUTC());
            @SuppressWarnings("unchecked")
            TableWriter<FrameTimingEventFlyweight> table = (TableWriter<FrameTimingEventFlyweight>) session.table(
                    EventTables.binding(EventType.FRAME_TIMING).newTable());
            FrameTimingSamples samples = new FrameTimingSamples(ROWS, 1);
            for (int i = 0; i < ROWS; i++) {
                table.write(samples.row(i));
            }
            SessionSummary summary = session.finish("warm-up done");
            if (summary.failure().isPresent()) {
                throw new IllegalStateException("the warm-up session failed: " + summary.failure().get(), summary.failure().get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the warm-up session in " + dir, e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root, e);
        }
    }
}
