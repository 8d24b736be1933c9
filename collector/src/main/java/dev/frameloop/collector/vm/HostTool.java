package dev.frameloop.collector.vm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program of the host (xz, apt-get, dpkg-deb …) to completion and captures what it wrote. */
final class HostTool {
    private HostTool() {
    }

    /** What a finished program left: its exit code, stdout bytes and stderr text. */
    record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** The last non-blank line of stderr, or a note that there was none: for one-line error messages. */
        String lastErrorLine() {
            String[] lines = stderr.strip().split("\n");
            String last = lines[lines.length - 1].strip();
            return last.isEmpty() ? "(no error output)" : last;
        }

        /** A one-line description of a failure: which program, its exit code, its last error line. */
        String failure() {
            return command.get(0) + " exited with " + exitCode + ": " + lastErrorLine();
        }
    }

    /** Finds {@code program} on {@code PATH}; empty when it is not installed. */
    static Optional<Path> find(String program, Environment env) {
        String path = env.variable("PATH").orElse("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} in {@code workingDirectory} (null: inherit) with no input, waits at most
     * {@code timeout}, and kills it if it takes longer.
     */
    static Result run(List<String> command, Path workingDirectory, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                throw new UncheckedIOException(new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s"));
            }
            return new Result(new ArrayList<>(command), process.exitValue(), stdout.join(),
                    new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
