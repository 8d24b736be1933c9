package dev.frameloop.collector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fixed work {@code bench probes} measures under, the same on every run: {@code execs} runs of {@code /bin/true}
 * (each an exec of the JDK's spawn helper and one of /bin/true, and their exits), {@code roundTrips} hand-offs of a
 * token between two threads (wakeups, context switches, migrations, the scheduler's callbacks) and {@code syscalls}
 * reads of /proc/self/stat (open, read, close: every syscall passes the GPU-submit probe's syscall fallback). The three
 * run at once; a deadline stops what is left, and the result says how much was done.
 *
 * @param execs      processes started
 * @param roundTrips token hand-offs
 * @param syscalls   /proc/self/stat reads
 */
record StandardProbeLoad(int execs, int roundTrips, int syscalls) {
    StandardProbeLoad {
        if (execs < 0 || roundTrips < 0 || syscalls < 0) {
            throw new IllegalArgumentException("load counts must be >= 0, got execs " + execs + ", round trips "
                    + roundTrips + ", syscalls " + syscalls);
        }
    }

    /** What a run did: equal to the load when it finished before the deadline. */
    record Done(long execs, long roundTrips, long syscalls, Duration elapsed) {
        boolean completes(StandardProbeLoad load) {
            return execs == load.execs() && roundTrips == load.roundTrips() && syscalls == load.syscalls();
        }
    }

    /** Runs the load, stopping what is left at {@code limit}. */
    Done run(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        AtomicLong tripsDone = new AtomicLong();
        AtomicLong readsDone = new AtomicLong();
        SynchronousQueue<Integer> ping = new SynchronousQueue<>();
        SynchronousQueue<Integer> pong = new SynchronousQueue<>();
        Thread echo = new Thread(() -> {
            try {
                while (true) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-probes-echo");
        Thread pinger = new Thread(() -> {
            try {
                for (int i = 0; i < roundTrips && System.nanoTime() < end; i++) {
                    ping.put(1);
                    pong.take();
                    tripsDone.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-probes-ping");
        Thread reader = new Thread(() -> {
            for (int i = 0; i < syscalls && System.nanoTime() < end; i++) {
                try {
                    Files.readAllBytes(Path.of("/proc/self/stat"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                readsDone.incrementAndGet();
            }
        }, "bench-probes-syscalls");
        echo.setDaemon(true);
        echo.start();
        pinger.start();
        reader.start();
        long execsDone = 0;
        try {
            for (int i = 0; i < execs && System.nanoTime() < end; i++) {
                Process p = new ProcessBuilder("/bin/true").start();
                if (!p.waitFor(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly().waitFor();
                    break;
                }
                execsDone++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("running /bin/true", e);
        } finally {
            pinger.join();
            reader.join();
            echo.interrupt();
        }
        return new Done(execsDone, tripsDone.get(), readsDone.get(), Duration.ofNanos(System.nanoTime() - start));
    }
}
