package dev.frameloop.ml.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Records a frameloop session beside each run's ground truth, through {@code frameloop record --out DIR} in a
 * process of its own, started before the workload and stopped (SIGTERM) after it. Where this build has no
 * {@code record} command, runs go unrecorded and the report says so.
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

    /** What {@code frameloop record} prints once its probes are attached: the workload may start. */
    String READY = "recording session ";

    /**
     * Starts recording into {@code runDir/session}, with the game's {@code --game-comm}/{@code --frame-hook}
     * {@code arguments}; empty when there is no recorder. Wait for {@link #READY} before starting the workload.
     */
    Optional<ChildProcess> start(Path runDir, List<String> arguments) throws IOException;

    /** {@code frameloop record --out RUN/session}. */
    record RecordCommand(FrameloopLauncher launcher) implements SessionRecorder {
        @Override
        public String describe() {
            return "frameloop record --mode observe, one session per run (RUN/" + FOLDER + "/)";
        }

        @Override
        public Optional<ChildProcess> start(Path runDir, List<String> arguments) throws IOException {
            // observe: the arm decides the scheduler (auto would register gamer in the default arm)
            List<String> args = new java.util.ArrayList<>(List.of("record", "--mode", "observe", "--out",
                    runDir.resolve(FOLDER).toString()));
            args.addAll(arguments);
            return Optional.of(ChildProcess.start(launcher.command(args), runDir.resolve("record.log")));
        }
    }

    /** No recording, with the reason. */
    record None(String reason) implements SessionRecorder {
        @Override
        public String describe() {
            return "none: " + reason;
        }

        @Override
        public Optional<ChildProcess> start(Path runDir, List<String> arguments) {
            return Optional.empty();
        }
    }
}
