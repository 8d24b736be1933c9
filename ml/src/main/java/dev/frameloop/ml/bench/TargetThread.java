package dev.frameloop.ml.bench;

import dev.frameloop.collector.jna.LibC;
import dev.frameloop.collector.ring.RealtimePriority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread the loop writes policy entries for: it sleeps {@code sleepNs} at a time (timer slack
 * 1 ns), so it is switched in and out every few µs, like a game thread that wakes often; the
 * stand-in scheduler sees its entry at its next switch. It runs as SCHED_FIFO where permitted: a
 * boosted thread the scheduler runs as soon as it wakes, rather than one that waits behind the
 * machine's other load (it sleeps most of the time, so it takes little CPU).
 */
final class TargetThread implements AutoCloseable {
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile int tid;
    private volatile boolean realtime;
    private volatile long switches;

    TargetThread(long sleepNs) {
        thread = new Thread(() -> {
            LibC.prctl(LibC.PR_SET_TIMERSLACK, 1, 0, 0, 0);
            realtime = RealtimePriority.tryFifo(RealtimePriority.LOWEST);
            tid = currentTid();
            started.countDown();
            while (running) {
                LockSupport.parkNanos(sleepNs);
                switches++;
            }
        }, "bench-loop-target");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!started.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the target thread did not start within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Its kernel thread id. */
    int tid() {
        return tid;
    }

    /** How it is scheduled, for the report. */
    String scheduling() {
        return realtime ? "SCHED_FIFO " + RealtimePriority.LOWEST : "normal priority (SCHED_FIFO refused)";
    }

    /** Sleeps it finished. */
    long sleeps() {
        return switches;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calling thread's tid: /proc/thread-self links to PID/task/TID. */
    static int currentTid() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Integer.parseInt(link.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/thread-self for this thread's id", e);
        }
    }
}
