package dev.frameloop.collector.sched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kernel's sched_ext status files: {@code /sys/kernel/sched_ext/state} ("disabled", "enabling",
 * "enabled", "disabling") and {@code root/ops} (the running scheduler's name). The folder exists iff
 * the kernel was built with {@code CONFIG_SCHED_CLASS_EXT}.
 */
public final class SchedExtSysfs {
    /** Where the kernel puts it. */
    public static final Path DEFAULT = Path.of("/sys/kernel/sched_ext");

    public static final String DISABLED = "disabled";
    public static final String ENABLED = "enabled";

    private final Path root;

    public SchedExtSysfs(Path root) {
        this.root = root;
    }

    public static SchedExtSysfs system() {
        return new SchedExtSysfs(DEFAULT);
    }

    public Path root() {
        return root;
    }

    /** True when this kernel has sched_ext. */
    public boolean isPresent() {
        return Files.isRegularFile(root.resolve("state"));
    }

    /** The state word, e.g. "enabled"; empty when the kernel has no sched_ext. */
    public Optional<String> state() {
        return read(root.resolve("state"));
    }

    /** The name of the scheduler in charge, empty when none (or no sched_ext). */
    public Optional<String> rootOps() {
        return read(root.resolve("root").resolve("ops")).filter(s -> !s.isEmpty());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
