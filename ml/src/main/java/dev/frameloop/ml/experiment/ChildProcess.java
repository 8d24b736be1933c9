package dev.frameloop.ml.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process an experiment starts (stress-ng, the scheduler, the workload, the recorder), its stdout and stderr
 * in one log file of the run. Closing it stops it and whatever it started: SIGTERM, then SIGKILL after a grace.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final List<String> argv;
    private final Process process;
    private final Path log;

    private ChildProcess(List<String> argv, Process process, Path log) {
        this.argv = argv;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(List<String> argv, Path log) throws IOException {
        Process process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new ChildProcess(List.copyOf(argv), process, log);
    }

    List<String> argv() {
        return argv;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits up to {@code limit}; the exit code, or empty when it still runs. */
    public Optional<Integer> await(Duration limit) throws InterruptedException {
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(process.exitValue());
        }
        return Optional.empty();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Polls the log until a line contains {@code text}; false if the process ended or the limit ran out first. */
    public boolean awaitOutput(String text, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(100);
        }
        return false;
    }

    public String output() throws IOException {
        return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }

    /** Asks the process (SIGTERM) and its descendants to stop, waits, then kills what is left. Its exit code. */
    public int stop() throws InterruptedException {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
