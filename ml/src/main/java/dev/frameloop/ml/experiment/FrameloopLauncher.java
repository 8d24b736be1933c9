package dev.frameloop.ml.experiment;

import dev.frameloop.collector.vm.GuestJavaOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How an experiment starts other frameloop commands ({@code sched}, {@code record}) as processes of their own:
 * this JVM's java binary and class path, the build's class-data archive ({@link ClassDataArchive}), the options in
 * {@code FRAMELOOP_JAVA_OPTS} (as bin/frameloop passes them), and the checkout root property when this process has one.
 */
public record FrameloopLauncher(List<String> prefix) {
    private static final String MAIN = "dev.frameloop.ml.cli.FrameloopMain";

    public FrameloopLauncher {
        prefix = List.copyOf(prefix);
    }

    /** The launcher for this JVM. */
    public static FrameloopLauncher current() {
        return of(List.of());
    }

    /**
     * The launcher for a JVM this JVM starts inside a {@code frameloop vm} guest: the guest's JVM options
     * ({@link GuestJavaOptions}) before {@code FRAMELOOP_JAVA_OPTS}, as the guest's own launchers have them.
     */
    public static FrameloopLauncher inGuest() {
        return of(GuestJavaOptions.OPTIONS);
    }

    private static FrameloopLauncher of(List<String> options) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        List<String> prefix = new ArrayList<>(List.of(java));
        prefix.addAll(ClassDataArchive.options(classPath));
        prefix.addAll(options);
        Optional.ofNullable(System.getenv(GuestJavaOptions.VARIABLE))
                .ifPresent(v -> Arrays.stream(v.strip().split("\\s+")).filter(o -> !o.isEmpty()).forEach(prefix::add));
        Optional.ofNullable(System.getProperty("frameloop.root")).ifPresent(r -> prefix.add("-Dframeloop.root=" + r));
        prefix.addAll(List.of("-cp", classPath, MAIN));
        return new FrameloopLauncher(prefix);
    }

    /** {@code frameloop ARGS…} as a command line. */
    public List<String> command(List<String> args) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(args);
        return List.copyOf(argv);
    }
}
