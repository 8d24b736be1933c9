package dev.frameloop.ml.experiment;

import dev.frameloop.ml.fixture.FixtureDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedSessionTest {
    @TempDir
    Path tmp;

    @Test
    void shouldCountTheMigrationsAndMissesOfTheRunsLatestSession() throws IOException {
        Path run = tmp.resolve("run");
        FixtureDataset.write(run.resolve(SessionRecorder.FOLDER));

        RecordedSession s = RecordedSession.read(run, OptionalInt.of(FixtureDataset.GAME_PID)).orElseThrow();

        assertEquals(FixtureDataset.MAIN.value(), s.sessionId());
        long all = FixtureDataset.MIGRATIONS.values().stream().mapToLong(Integer::longValue).sum();
        assertEquals(all, s.migrations());
        assertEquals(FixtureDataset.MIGRATIONS.get(FixtureDataset.RENDER_TID) + FixtureDataset.MIGRATIONS.get(FixtureDataset.AUDIO_TID),
                s.gameMigrations());
        assertEquals(OptionalInt.of(FixtureDataset.RENDER_MISSES_NS.size() + FixtureDataset.AUDIO_MISSES_NS.size()), s.deadlineMisses());
        assertEquals(FixtureDataset.MAIN_DURATION.toMillis() / 1000.0, s.seconds(), 1e-9);
        assertEquals(all / s.seconds(), s.migrationsPerSecond(), 1e-9);
    }

    @Test
    void shouldFindNoSessionInARunThatRecordedNone() throws IOException {
        assertEquals(Optional.empty(), RecordedSession.read(Files.createDirectories(tmp.resolve("bare")), OptionalInt.empty()));
    }

    @Test
    void shouldShowEachArmsRecordedSchedulingInTheReport() throws IOException {
        ExperimentPlan plan = new ExperimentPlan(new Workload.Synthgame(List.of()), Arm.parseList("default,gamer"),
                BackgroundSpec.NONE, Duration.ofSeconds(5), 1, 1);
        List<RunOutcome> outcomes = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            Path dir = Files.createDirectories(tmp.resolve("exp/runs").resolve(r.folderName()));
            Optional<RecordedSession> session = Optional.empty();
            if (r.arm().kind() == Arm.Kind.GAMER) {
                FixtureDataset.write(dir.resolve(SessionRecorder.FOLDER));
                session = RecordedSession.read(dir, OptionalInt.of(FixtureDataset.GAME_PID));
            }
            outcomes.add(new RunOutcome(r, dir, RunOutcome.Status.OK, "no frames", Optional.empty()).withSession(session));
        }
        ExperimentAnalysis analysis = ExperimentAnalysis.of(plan, outcomes, new Bootstrap(100, 0.95, 1));

        ExperimentReport.write(tmp.resolve("exp"), new ExperimentReport.Inputs(plan, outcomes, analysis,
                new SystemInfo(Map.of("host", "h")), List.of("frameloop", "experiment"), Instant.EPOCH, Instant.EPOCH, "test"));

        String md = Files.readString(tmp.resolve("exp").resolve(ExperimentReport.MARKDOWN));
        assertTrue(md.contains("| recorded sessions read / runs | 0 / 1 | 1 / 1 |"), md);
        assertTrue(md.contains("| migrations per s, all threads (recorded, mean of runs) | n/a | 1.50 |"), md);
        assertTrue(md.contains("| migrations per s, the workload's threads (recorded, mean of runs) | n/a | 0.750 |"), md);
        assertTrue(md.contains("| scheduler deadline misses (recorded, total) | n/a | 7 |"), md);
        String json = Files.readString(tmp.resolve("exp").resolve(ExperimentReport.JSON));
        assertTrue(json.contains("\"workload_migrations\" : 15"), json);
    }
}
