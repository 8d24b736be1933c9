package dev.frameloop.ml.it;

import dev.frameloop.core.testing.MachineRequirements;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code frameloop vm [options] -- CMD…} the way a user does — through {@code bin/frameloop}, or through
 * {@code java -jar ml/target/frameloop.jar} while the launcher is absent — as a separate process with a host
 * time limit, and captures its exit code, stdout and stderr. For VM integration tests ({@code *VmIT}).
 *
 * <pre>{@code
 * GuestRun.Result r = GuestRun.vm("sh", "-c", "exit 7").options("--timeout", "2m").run();
 * assertEquals(7, r.exitCode(), r.describe());
 * }</pre>
 */
public final class GuestRun {
    /** Host-side limit for one run when none is set: boot under TCG on a busy 2-core machine is slow. */
    public static final Duration DEFAULT_HOST_TIMEOUT = Duration.ofMinutes(5);

    private final List<String> command;
    private final boolean inGuest;
    private final List<String> vmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory = projectRoot();
    private Duration hostTimeout = DEFAULT_HOST_TIMEOUT;

    private GuestRun(List<String> command, boolean inGuest) {
        this.command = List.copyOf(command);
        this.inGuest = inGuest;
    }

    /** A run of {@code command} in the guest. Checks first that this machine can boot guests. */
    public static GuestRun vm(String... command) {
        requireVmPrerequisites();
        return new GuestRun(Arrays.asList(command), true);
    }

    /**
     * A run of {@code frameloop ARGS…} on this machine, for commands that boot guests themselves (e.g. demo).
     * Checks first that this machine can boot guests; {@link #options} does not apply.
     */
    public static GuestRun frameloop(String... args) {
        requireVmPrerequisites();
        return new GuestRun(Arrays.asList(args), false);
    }

    /** Options of {@code frameloop vm} itself, placed before {@code --}. */
    public GuestRun options(String... options) {
        vmOptions.addAll(Arrays.asList(options));
        return this;
    }

    /** The folder frameloop is started in (the guest's working directory and default share); default: the checkout. */
    public GuestRun in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** An extra environment variable for frameloop (FRAMELOOP_* ones reach the guest command). */
    public GuestRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public GuestRun hostTimeout(Duration limit) {
        this.hostTimeout = limit;
        return this;
    }

    /** Runs to the end and returns what happened; fails the test if the host time limit runs out. */
    public Result run() throws IOException, InterruptedException {
        try (Running running = start()) {
            return running.await();
        }
    }

    /** Starts the run and returns at once, for tests that act while the guest runs. */
    public Running start() throws IOException {
        List<String> argv = new ArrayList<>(launcher());
        if (inGuest) {
            argv.add("vm");
            argv.addAll(vmOptions);
            argv.add("--");
        }
        argv.addAll(command);
        Path stdout = Files.createTempFile("guest-run-", ".out");
        Path stderr = Files.createTempFile("guest-run-", ".err");
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return new Running(builder.start(), argv, stdout, stderr, hostTimeout);
    }

    /** A run in progress. Closing it kills whatever is left of it. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final List<String> argv;
        private final Path stdout;
        private final Path stderr;
        private final Duration hostTimeout;

        private Running(Process process, List<String> argv, Path stdout, Path stderr, Duration hostTimeout) {
            this.process = process;
            this.argv = argv;
            this.stdout = stdout;
            this.stderr = stderr;
            this.hostTimeout = hostTimeout;
        }

        /** Waits for the end; fails the test (after killing the run) when the host time limit runs out. */
        public Result await() throws IOException, InterruptedException {
            if (!process.waitFor(hostTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree();
                fail("frameloop vm did not end within the host limit of " + hostTimeout.toSeconds() + " s: "
                        + String.join(" ", argv) + "\n" + new Result(-1, Files.readAllBytes(stdout), Files.readString(stderr)).describe());
            }
            return new Result(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
        }

        /** Sends {@code signal} (e.g. "INT", "KILL") to frameloop's JVM only, as a user's Ctrl-C or kill would reach it. */
        public void signalFrameloop(String signal) throws IOException, InterruptedException {
            ProcessHandle jvm = java().orElseThrow(() -> new AssertionError("no frameloop JVM among " + process.pid()
                    + " and its descendants"));
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(jvm.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -s " + signal + " " + jvm.pid() + " failed");
            }
        }

        /** What the run wrote to stderr so far. */
        public String stderrSoFar() throws IOException {
            return Files.readString(stderr);
        }

        private Optional<ProcessHandle> java() {
            List<ProcessHandle> family = new ArrayList<>();
            family.add(process.toHandle());
            process.descendants().forEach(family::add);
            return family.stream()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst();
        }

        private void killTree() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (process.isAlive()) {
                killTree();
            }
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** How a run ended. */
    public record Result(int exitCode, byte[] stdoutBytes, String stderr) {
        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        /** Everything the run printed, for assertion messages. */
        public String describe() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr;
        }
    }

    /** The processes whose command line matches the extended regular expression {@code pattern} ({@code pgrep -f}). */
    public static List<Long> processesMatching(String pattern) throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-f", pattern).redirectErrorStream(true).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = pgrep.waitFor();
        if (code > 1) {
            throw new AssertionError("pgrep -f " + pattern + " failed (" + code + "): " + out);
        }
        return out.lines().filter(l -> !l.isBlank()).map(Long::parseLong).toList();
    }

    /** The arguments of process {@code pid} as {@code /proc} has them, NUL bytes turned into spaces. */
    public static String commandLine(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    }

    /** Polls until a process matches {@code pattern}; false when none did within {@code limit}. */
    public static boolean awaitProcess(String pattern, Duration limit) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!processesMatching(pattern).isEmpty()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    public static Path projectRoot() {
        String root = System.getProperty("frameloop.root");
        if (root == null) {
            throw new IllegalStateException("system property frameloop.root is not set (run the tests through Maven)");
        }
        return Path.of(root);
    }

    /** bin/frameloop when it exists, else the built jar with the property the launcher would set. */
    static List<String> launcher() {
        Path root = projectRoot();
        Path script = root.resolve("bin/frameloop");
        if (Files.isExecutable(script)) {
            return List.of(script.toString());
        }
        Path jar = root.resolve("ml/target/frameloop.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("neither " + script + " nor " + jar + " exists: build with mvn package first");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-Dframeloop.root=" + root, "-jar", jar.toString());
    }

    /**
     * Fails (in CI) or skips (elsewhere) when this machine cannot boot guests: qemu-system-x86_64 missing, or no
     * guest kernel ($FRAMELOOP_KERNEL, ../shared/kernels/, or one fetched earlier into ~/.cache/frameloop/kernels/).
     */
    public static void requireVmPrerequisites() {
        List<String> missing = new ArrayList<>();
        if (!onPath("qemu-system-x86_64")) {
            missing.add("qemu-system-x86_64 (Debian package qemu-system-x86; run bin/setup)");
        }
        boolean kernel = Optional.ofNullable(System.getenv("FRAMELOOP_KERNEL")).filter(s -> !s.isBlank()).isPresent()
                || hasChildren(projectRoot().resolve("../shared/kernels"))
                || hasChildren(Path.of(System.getProperty("user.home"), ".cache/frameloop/kernels"));
        if (!kernel) {
            missing.add("a guest kernel (../shared/kernels/<release>/ beside the checkout, or FRAMELOOP_KERNEL)");
        }
        MachineRequirements.require(missing.isEmpty(), "VM tests need " + String.join(" and ", missing));
    }

    private static boolean onPath(String program) {
        return Arrays.stream(Optional.ofNullable(System.getenv("PATH")).orElse("").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static boolean hasChildren(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var children = Files.list(dir)) {
            return children.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
