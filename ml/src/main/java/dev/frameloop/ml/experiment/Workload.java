package dev.frameloop.ml.experiment;

import java.util.List;

/**
 * What each run starts: the synthetic game (which writes its own ground truth) or any command.
 */
public sealed interface Workload {
    /** A short description for reports. */
    String describe();

    /** {@code workloads/synthgame} with extra options (e.g. {@code --fps 30}); it writes ground truth. */
    record Synthgame(List<String> extraOptions) implements Workload {
        public Synthgame {
            extraOptions = List.copyOf(extraOptions);
        }

        @Override
        public String describe() {
            return extraOptions.isEmpty() ? "synthgame" : "synthgame " + String.join(" ", extraOptions);
        }
    }

    /** Any command; it has no ground truth of its own, so its frames come only from a recorded session. */
    record Command(List<String> argv) implements Workload {
        public Command {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("a command workload needs a command");
            }
        }

        @Override
        public String describe() {
            return String.join(" ", argv);
        }
    }
}
