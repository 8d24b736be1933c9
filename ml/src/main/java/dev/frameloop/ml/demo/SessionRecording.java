package dev.frameloop.ml.demo;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.ml.experiment.BackgroundSpec;
import dev.frameloop.ml.experiment.ChildProcess;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo's record step: each session is synthgame (its ground truth in {@code OUT/record/session-N/}) under the
 * background load, recorded by {@code frameloop record --mode scheduler --until-exit <synthgame>} into
 * {@code OUT/sessions/}. The recorder runs in this process ({@link Frameloop}), so a guest starts no JVM per session.
 */
public final class SessionRecording {
    /** Runs a frameloop command in this process; its exit code. */
    @FunctionalInterface
    public interface Frameloop {
        int run(List<String> args);
    }

    private static final Duration GAME_GRACE = Duration.ofMinutes(2);

    private final DemoPlan plan;
    private final Path synthgame;
    private final Frameloop frameloop;
    private final PrintWriter progress;

    public SessionRecording(DemoPlan plan, Path synthgame, Frameloop frameloop, PrintWriter progress) {
        this.plan = plan;
        this.synthgame = synthgame;
        this.frameloop = frameloop;
        this.progress = progress;
    }

    /** Records every session; the first one that fails stops the step with what to look at. */
    public void run() throws IOException, InterruptedException {
        DemoSettings s = plan.settings();
        for (int i = 0; i < s.sessions(); i++) {
            Path dir = Files.createDirectories(plan.recordRunDir(i));
            progress.printf("  session %d/%d: synthgame for %s s, background %s%n", i + 1, s.sessions(),
                    s.sessionDuration().toMillis() / 1000.0, s.background());
            progress.flush();
            BackgroundSpec background = s.background();
            ChildProcess stress = background.isNone() ? null
                    : ChildProcess.start(background.stressNgCommand(s.sessionDuration().toSeconds() + 600), dir.resolve("background.log"));
            try (ChildProcess game = ChildProcess.start(plan.synthgame(synthgame, i), dir.resolve("workload.log"))) {
                int recorded = frameloop.run(plan.record(Long.toString(game.pid())));
                Optional<Integer> exit = game.await(s.sessionDuration().plus(GAME_GRACE));
                if (recorded != ExitCodes.OK) {
                    throw new UserFacingException(ExitCodes.FAILURE, "frameloop record exited " + recorded + " in session "
                            + (i + 1) + " (its output is above); synthgame's log: " + dir.resolve("workload.log"));
                }
                if (exit.isEmpty() || exit.get() != 0) {
                    throw new UserFacingException(ExitCodes.FAILURE, "synthgame " + exit.map(c -> "exited " + c)
                            .orElse("did not end") + " in session " + (i + 1) + "; see " + dir.resolve("workload.log"));
                }
            } finally {
                if (stress != null) {
                    stress.stop();
                }
            }
            progress.printf("  session %d/%d: recorded%n", i + 1, s.sessions());
            progress.flush();
        }
    }
}
