package dev.frameloop.ml.experiment;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionManifest;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventRecords;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.DeadlineMissEvent;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.MigrationEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one run's recorded session ({@code RUN/session/session=<id>/}) says about scheduling, read back from its
 * Parquet files: migrations of every thread and of the workload's threads, the scheduler's deadline misses when
 * the session holds them (scheduler mode), and what the recorder lost.
 *
 * @param sessionId      the session's id
 * @param mode           the recorder's mode (observe, scheduler)
 * @param seconds        the session's length, from its manifest's start and end
 * @param migrations     migration rows
 * @param gameMigrations migration rows of the workload's process (0 when its pid is unknown)
 * @param deadlineMisses deadline_miss rows; empty when the session has no such stream (observe mode)
 * @param processEvents  process rows (exec, exit, fork)
 * @param lost           events the recorder lost (ring drops and failed writes)
 */
public record RecordedSession(String sessionId, String mode, double seconds, long migrations, long gameMigrations,
                              OptionalInt deadlineMisses, long processEvents, long lost) {

    /**
     * Reads the session a run recorded.
     *
     * @param runDir  the run's folder
     * @param gamePid the workload's pid, when known
     * @return empty when the run has no recorded session
     * @throws IOException when a session is there but cannot be read
     */
    public static Optional<RecordedSession> read(Path runDir, OptionalInt gamePid) throws IOException {
        Path datasetDir = runDir.resolve(SessionRecorder.FOLDER);
        if (!Files.isDirectory(datasetDir)) {
            return Optional.empty();
        }
        Dataset dataset = EventTables.openDataset(datasetDir.toString());
        Optional<SessionId> id = dataset.latestSession();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        SessionReader session = dataset.session(id.get());
        SessionManifest manifest = session.manifest();
        List<String> tables = session.eventTypes();
        long migrations = 0;
        long gameMigrations = 0;
        if (tables.contains(EventTables.tableName(EventType.MIGRATION))) {
            for (MigrationEvent m : EventRecords.read(session, MigrationEvent.class)) {
                migrations++;
                if (gamePid.isPresent() && m.pid() == gamePid.getAsInt()) {
                    gameMigrations++;
                }
            }
        }
        OptionalInt misses = tables.contains(EventTables.tableName(EventType.DEADLINE_MISS))
                ? OptionalInt.of(EventRecords.read(session, DeadlineMissEvent.class).size()) : OptionalInt.empty();
        long process = tables.contains(EventTables.tableName(EventType.PROCESS)) ? session.count(EventTables.tableName(EventType.PROCESS)) : 0;
        double seconds = manifest.startedAt() == null || manifest.endedAt() == null ? Double.NaN
                : Duration.between(manifest.startedAt(), manifest.endedAt()).toNanos() / 1e9;
        return Optional.of(new RecordedSession(manifest.sessionId(), manifest.mode(), seconds, migrations, gameMigrations,
                misses, process, manifest.totalLost() + manifest.totalRingDrops()));
    }

    /** Migrations per second of the session; NaN when its length is unknown. */
    public double migrationsPerSecond() {
        return seconds > 0 ? migrations / seconds : Double.NaN;
    }

    /** The workload's migrations per second; NaN when the session's length is unknown. */
    public double gameMigrationsPerSecond() {
        return seconds > 0 ? gameMigrations / seconds : Double.NaN;
    }
}
