package dev.frameloop.ml.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Copies a child process's stdout and stderr, line by line, to two writers as the lines come, and knows how long
 * it has been since the last one (so that a quiet guest can be said to be at work).
 */
final class GuestOutput {
    private final Thread out;
    private final Thread err;
    private final Object lock = new Object();
    private volatile long lastLineNs = System.nanoTime();

    GuestOutput(Process process, PrintWriter stdout, PrintWriter stderr) {
        out = copy(process.getInputStream(), stdout, "guest-stdout");
        err = copy(process.getErrorStream(), stderr, "guest-stderr");
    }

    private Thread copy(InputStream from, PrintWriter to, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lastLineNs = System.nanoTime();
                    synchronized (lock) {
                        to.println(line);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the guest's " + name, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Time since the last line of either stream. */
    Duration quietFor() {
        return Duration.ofNanos(System.nanoTime() - lastLineNs);
    }

    /** Waits until both streams are copied to their end (the process has exited). */
    void finish() throws InterruptedException {
        out.join();
        err.join();
    }
}
