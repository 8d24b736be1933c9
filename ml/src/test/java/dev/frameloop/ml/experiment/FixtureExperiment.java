package dev.frameloop.ml.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deterministic experiment folder for notebooks: two arms (default, the baseline, and gamer),
 * two runs each of synthgame ground truth written by hand, analysed and reported by the experiment
 * API's own {@link ExperimentReport#write writer}. The gamer arm's frames are 1 ms faster.
 */
public final class FixtureExperiment {
    /** Frames per run. */
    public static final int FRAMES = 300;
    /** Bootstrap resamples of the fixture's intervals. */
    public static final int RESAMPLES = 200;

    private FixtureExperiment() {
    }

    /** Writes the experiment into {@code out} (created) and returns its analysis. */
    public static ExperimentAnalysis write(Path out) throws IOException {
        ExperimentPlan plan = new ExperimentPlan(new Workload.Synthgame(List.of()), Arm.parseList("default,gamer"),
                BackgroundSpec.NONE, Duration.ofSeconds(5), 2, 1);
        List<RunOutcome> outcomes = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            Path dir = Files.createDirectories(out.resolve("runs").resolve(run.folderName()));
            double stepMs = run.arm().kind() == Arm.Kind.GAMER ? 16.0 : 17.0;
            boolean[] missed = new boolean[FRAMES];
            long[] presents = new long[FRAMES];
            for (int i = 0; i < FRAMES; i++) {
                // a steady step, and a frame 30 ms late every 50th (shifted by the repeat)
                presents[i] = (long) (1e9 + i * stepMs * 1e6 + ((i + run.repeat()) / 50) * 30e6);
                missed[i] = i > 0 && (i + run.repeat()) % 50 == 0;
            }
            GroundTruthFixture.write(dir.resolve("ground-truth"), presents, missed,
                    new long[] {3_000_000, 4_000_000 + run.repeat() * 500_000L}, 0, "render");
            outcomes.add(new RunOutcome(run, dir, RunOutcome.Status.OK, FRAMES + " frames",
                    Optional.of(GroundTruth.read(dir.resolve("ground-truth")))));
        }
        ExperimentAnalysis analysis = ExperimentAnalysis.of(plan, outcomes, new Bootstrap(RESAMPLES, 0.95, 7));
        ExperimentReport.write(out, new ExperimentReport.Inputs(plan, outcomes, analysis,
                new SystemInfo(Map.of("host", "fixture-host", "kernel", "7.2.13")),
                List.of("frameloop", "experiment", "--arms", "default,gamer", "--out", out.toString()),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(30), "none: fixture"));
        return analysis;
    }
}
