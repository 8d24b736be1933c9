package dev.frameloop.ml.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Records a frameloop session beside each run's ground truth, through {@code frameloop record --mode observe --out DIR}
 * in a process of its own, started before the workload and stopped (SIGTERM) after it. Observe mode loads the probes
 * only, the same in every arm, so recording never changes which scheduler an arm runs (in scheduler mode it would
 * load gamer into the default arm). Where this build has no {@code record} command, runs go unrecorded and the
 * report says so.
 */
public sealed interface SessionRecorder {
    /** The run folder's subfolder that holds the recorded session. */
    String FOLDER = "session";

    /** The recorder for this build: {@code record} when the CLI has it, else none. */
    static SessionRecorder detect(boolean recordCommandExists, FrameloopLauncher launcher) {
        return recordCommandExists ? new RecordCommand(launcher)
                : new None("this build has no 'frameloop record' command: runs have ground truth only");
    }

    /** What the report says about recording. */
    String describe();

    /** Starts recording into {@code runDir/session}; empty when there is no recorder. */
    Optional<ChildProcess> start(Path runDir) throws IOException;

    /** {@code frameloop record --out RUN/session}. */
    record RecordCommand(FrameloopLauncher launcher) implements SessionRecorder {
        @Override
        public String describe() {
            return "frameloop record --mode observe (the probes, the same in every arm), one session per run (RUN/"
                    + FOLDER + "/)";
        }

        @Override
        public Optional<ChildProcess> start(Path runDir) throws IOException {
            return Optional.of(ChildProcess.start(launcher.command(List.of("record", "--mode", "observe",
                            "--out", runDir.resolve(FOLDER).toString())),
                    runDir.resolve("record.log")));
        }
    }

    /** No recording, with the reason. */
    record None(String reason) implements SessionRecorder {
        @Override
        public String describe() {
            return "none: " + reason;
        }

        @Override
        public Optional<ChildProcess> start(Path runDir) {
            return Optional.empty();
        }
    }
}
