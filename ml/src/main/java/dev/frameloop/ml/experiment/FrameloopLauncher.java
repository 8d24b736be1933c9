package dev.frameloop.ml.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an experiment starts other frameloop commands ({@code sched}, {@code record}) as processes of their own:
 * this JVM's java binary and class path, and the checkout root property when this process has one.
 */
public record FrameloopLauncher(List<String> prefix) {
    private static final String MAIN = "dev.frameloop.ml.cli.FrameloopMain";

    public FrameloopLauncher {
        prefix = List.copyOf(prefix);
    }

    /** The launcher for this JVM. */
    public static FrameloopLauncher current() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> prefix = new ArrayList<>(List.of(java));
        Optional.ofNullable(System.getProperty("frameloop.root")).ifPresent(r -> prefix.add("-Dframeloop.root=" + r));
        prefix.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        return new FrameloopLauncher(prefix);
    }

    /** {@code frameloop ARGS…} as a command line. */
    public List<String> command(List<String> args) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(args);
        return List.copyOf(argv);
    }
}
