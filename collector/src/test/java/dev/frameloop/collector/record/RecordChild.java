package dev.frameloop.collector.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** {@code frameloop record} in a child JVM (this test classpath), so that tests can signal it. */
final class RecordChild implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private RecordChild(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static RecordChild start(Path logs, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordCli.class.getName()));
        argv.addAll(List.of(args));
        Files.createDirectories(logs);
        Path out = Files.createTempFile(logs, "record-", ".out");
        Path err = Files.createTempFile(logs, "record-", ".err");
        Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new RecordChild(p, out, err);
    }

    long pid() {
        return process.pid();
    }

    /** Waits until stdout has a line containing {@code text}; fails the test (with the output) after 60 s or an early exit. */
    void awaitOutput(String text) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (Files.readString(stdout).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                fail("record exited (" + process.exitValue() + ") before printing '" + text + "'\n" + describe());
            }
            Thread.sleep(50);
        }
        fail("record did not print '" + text + "' within 60 s\n" + describe());
    }

    /** SIGTERM (Process.destroy on Linux). */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int awaitExit() throws InterruptedException, IOException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("record did not exit within 60 s\n" + describe());
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** What a finished child printed. */
    record Finished(String out, String describe) {
    }

    String describe() throws IOException {
        return "--- record stdout\n" + Files.readString(stdout) + "\n--- record stderr\n" + Files.readString(stderr);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
