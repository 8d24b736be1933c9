package dev.frameloop.collector.bench;

import dev.frameloop.collector.ring.CpuAffinity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fixed work {@code bench probes} measures under, the same on every run: {@code execs} runs of {@code /bin/true}
 * (each an exec of the JDK's spawn helper and one of /bin/true, and their exits), {@code roundTrips} hand-offs of a
 * token between two threads (wakeups, context switches, migrations, the scheduler's callbacks) and {@code syscalls}
 * reads of /proc/self/stat (open, read, close: every syscall passes the GPU-submit probe's syscall fallback) and
 * {@code moves} moves of a thread to the next CPU it may run on (sched_setaffinity to that one CPU: one migration each,
 * the migration probe at a high rate; none on a single CPU). The four run at once; a deadline stops what is left, and
 * the result says how much was done.
 *
 * @param execs      processes started
 * @param roundTrips token hand-offs
 * @param syscalls   /proc/self/stat reads
 * @param moves      CPU moves of the mover thread
 */
record StandardProbeLoad(int execs, int roundTrips, int syscalls, int moves) {
    StandardProbeLoad {
        if (execs < 0 || roundTrips < 0 || syscalls < 0 || moves < 0) {
            throw new IllegalArgumentException("load counts must be >= 0, got execs " + execs + ", round trips "
                    + roundTrips + ", syscalls " + syscalls + ", moves " + moves);
        }
    }

    /** What a run did: equal to the load when it finished before the deadline (moves: 0 wanted on a single CPU). */
    record Done(long execs, long roundTrips, long syscalls, long moves, Duration elapsed) {
        boolean completes(StandardProbeLoad load) {
            return execs == load.execs() && roundTrips == load.roundTrips() && syscalls == load.syscalls()
                    && moves == load.movesOn(CpuAffinity.allowed().size());
        }
    }

    /** The moves the load makes where {@code cpus} CPUs are allowed: none on one CPU. */
    long movesOn(int cpus) {
        return cpus < 2 ? 0 : moves;
    }

    /** Runs the load, stopping what is left at {@code limit}. */
    Done run(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        AtomicLong tripsDone = new AtomicLong();
        AtomicLong readsDone = new AtomicLong();
        AtomicLong movesDone = new AtomicLong();
        List<Integer> cpus = CpuAffinity.allowed();
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
        Thread mover = new Thread(() -> {
            try {
                for (int i = 0; i < movesOn(cpus.size()) && System.nanoTime() < end; i++) {
                    CpuAffinity.set(List.of(cpus.get(i % cpus.size())));
                    movesDone.incrementAndGet();
                }
            } finally {
                CpuAffinity.set(cpus);
            }
        }, "bench-probes-mover");
        echo.setDaemon(true);
        echo.start();
        pinger.start();
        reader.start();
        mover.start();
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
            mover.join();
            echo.interrupt();
        }
        return new Done(execsDone, tripsDone.get(), readsDone.get(), movesDone.get(), Duration.ofNanos(System.nanoTime() - start));
    }
}
