package dev.frameloop.ml.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Copies a child process's stdout and stderr, line by line, to writers as the lines come; knows how long it has
 * been since the last line (so that a quiet guest can be said to be at work) and whether a line held a marker.
 */
public final class ChildOutput {
    private final Object lock = new Object();
    private final Thread out;
    private final Thread err;
    private final String marker;
    private final CountDownLatch marked = new CountDownLatch(1);
    private volatile long lastLineNs = System.nanoTime();

    /** @param marker text whose first appearance in a line {@link #awaitMarker} waits for; null for none */
    public ChildOutput(Process process, PrintWriter stdout, PrintWriter stderr, String marker) {
        this.marker = marker;
        out = copy(process.getInputStream(), stdout, "child-stdout");
        err = copy(process.getErrorStream(), stderr, "child-stderr");
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
                    if (marker != null && line.contains(marker)) {
                        marked.countDown();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the child's " + name, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Time since the last line of either stream. */
    public Duration quietFor() {
        return Duration.ofNanos(System.nanoTime() - lastLineNs);
    }

    /** Waits until a line held the marker (true) or both streams ended without one (false). */
    public boolean awaitMarker() throws InterruptedException {
        while (!marked.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (!out.isAlive() && !err.isAlive()) {
                return marked.getCount() == 0;
            }
        }
        return true;
    }

    /** Waits until both streams are copied to their end (the process has exited). */
    public void finish() throws InterruptedException {
        out.join();
        err.join();
    }
}
