package dev.frameloop.ml.bench;

import dev.frameloop.collector.ring.ThreadTuning;

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
 * stand-in scheduler sees its entry at its next switch. It runs at nice -20 where permitted: a
 * boosted thread that runs soon after it wakes rather than waiting behind the machine's other load.
 * Not SCHED_FIFO: its switches cost it close to half a CPU, and real-time time beside the spinning
 * reader's makes the kernel throttle both (sched_rt_runtime_us), for up to seconds.
 */
final class TargetThread implements AutoCloseable {
    private static final int NICE = ThreadTuning.HIGHEST_NICE;

    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile int tid;
    private volatile boolean boosted;
    private volatile long switches;

    TargetThread(long sleepNs) {
        thread = new Thread(() -> {
            ThreadTuning.fineTimerSlack();
            tid = currentTid();
            boosted = ThreadTuning.trySetNice(tid, NICE);
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
        return boosted ? "nice " + NICE : "nice 0 (nice " + NICE + " refused: no CAP_SYS_NICE)";
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
