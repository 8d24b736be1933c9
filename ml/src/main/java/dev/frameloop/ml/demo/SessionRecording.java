package dev.frameloop.ml.demo;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.ml.experiment.BackgroundSpec;
import dev.frameloop.ml.experiment.ChildProcess;
import dev.frameloop.ml.experiment.SessionRecorder;
import dev.frameloop.ml.experiment.FrameloopLauncher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo's record step: each session is recorded by {@code frameloop record --mode scheduler} (a process of its
 * own, its output shown as it comes) into {@code OUT/sessions/}; once the recorder reads its rings, the background load
 * starts and synthgame runs for D under it (its ground truth in {@code OUT/record/session-N/}); once synthgame has
 * ended, the load and then the recorder (SIGTERM) are stopped. The load starts only after the recorder's start-up so
 * that it does not slow it.
 */
public final class SessionRecording {
    private static final Duration GAME_GRACE = Duration.ofMinutes(2);
    private static final Duration RECORD_GRACE = Duration.ofMinutes(3);

    private final DemoPlan plan;
    private final Path synthgame;
    private final FrameloopLauncher launcher;
    private final PrintWriter progress;

    public SessionRecording(DemoPlan plan, Path synthgame, FrameloopLauncher launcher, PrintWriter progress) {
        this.plan = plan;
        this.synthgame = synthgame;
        this.launcher = launcher;
        this.progress = progress;
    }

    /** Records every session; the first one that fails stops the step with what to look at. */
    public void run() throws IOException, InterruptedException {
        DemoSettings s = plan.settings();
        for (int i = 0; i < s.sessions(); i++) {
            Path dir = Files.createDirectories(plan.recordRunDir(i));
            progress.printf("  session %d/%d: recorder starting; then synthgame for %s s, background %s%n", i + 1, s.sessions(),
                    s.sessionDuration().toMillis() / 1000.0, s.background());
            progress.println("  $ frameloop " + String.join(" ", plan.record(synthgame)));
            progress.flush();
            recordOne(i, dir);
            progress.printf("  session %d/%d: recorded%n", i + 1, s.sessions());
            progress.flush();
        }
    }

    private void recordOne(int index, Path dir) throws IOException, InterruptedException {
        DemoSettings s = plan.settings();
        Process recorder = new ProcessBuilder(launcher.command(plan.record(synthgame)))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        ChildProcess stress = null;
        try {
            ChildOutput output = new ChildOutput(recorder, progress, progress, SessionRecorder.READY);
            if (!output.awaitMarker()) {
                output.finish();
                throw new UserFacingException(ExitCodes.FAILURE, "frameloop record exited " + recorder.waitFor()
                        + " before it recorded session " + (index + 1) + " (its output is above)");
            }
            BackgroundSpec background = s.background();
            if (!background.isNone()) {
                stress = ChildProcess.start(background.stressNgCommand(s.sessionDuration().toSeconds() + 600),
                        dir.resolve("background.log"));
            }
            Optional<Integer> exit;
            try (ChildProcess game = ChildProcess.start(plan.synthgame(synthgame, index), dir.resolve("workload.log"))) {
                exit = game.await(s.sessionDuration().plus(GAME_GRACE));
            }
            if (stress != null) {
                stress.stop();
                stress = null;
            }
            recorder.destroy(); // SIGTERM: the recorder drains its rings, closes its files and exits 0
            if (!recorder.waitFor(RECORD_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UserFacingException(ExitCodes.FAILURE, "frameloop record did not end within "
                        + RECORD_GRACE.toSeconds() + " s of SIGTERM in session " + (index + 1)
                        + "; it was killed (its output is above)");
            }
            output.finish();
            if (recorder.exitValue() != ExitCodes.OK) {
                throw new UserFacingException(ExitCodes.FAILURE, "frameloop record exited " + recorder.exitValue()
                        + " in session " + (index + 1) + " (its output is above)");
            }
            if (exit.isEmpty() || exit.get() != 0) {
                throw new UserFacingException(ExitCodes.FAILURE, "synthgame " + exit.map(c -> "exited " + c)
                        .orElse("did not end") + " in session " + (index + 1) + "; see " + dir.resolve("workload.log"));
            }
        } finally {
            if (stress != null) {
                stress.stop();
            }
            if (recorder.isAlive()) {
                recorder.destroy();
                recorder.waitFor();
            }
        }
    }
}
