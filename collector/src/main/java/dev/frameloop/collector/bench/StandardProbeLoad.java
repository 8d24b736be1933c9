package dev.frameloop.collector.bench;

import dev.frameloop.collector.ring.CpuAffinity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The fixed work {@code bench probes} measures under, the same on every run: {@code execs} runs of {@code /bin/true}
 * (each an exec of the JDK's spawn helper and one of /bin/true, and their exits), {@code roundTrips} hand-offs of a
 * token between two threads (wakeups, context switches, migrations, the scheduler's callbacks), {@code syscalls}
 * reads of /proc/self/stat (open, read, close: every syscall passes the GPU-submit probe's syscall fallback),
 * {@code moves} moves of a thread to the next CPU it may run on (sched_setaffinity to that one CPU: one migration each,
 * the migration probe at a high rate; none on a single CPU), and where the devices exist (the VM guest)
 * {@code inputMoves} moves of a uinput virtual mouse (two input_event() calls each: the input probe) and
 * {@code gpuSubmits} vgem fence attach + signal ioctls (two drm_ioctl() calls each: the GPU-submit probe's fentry). All
 * run at once; a deadline stops what is left, and the result says how much was done.
 *
 * @param execs      processes started
 * @param roundTrips token hand-offs
 * @param syscalls   /proc/self/stat reads
 * @param moves      CPU moves of the mover thread
 * @param inputMoves uinput mouse moves
 * @param gpuSubmits vgem submits
 */
record StandardProbeLoad(int execs, int roundTrips, int syscalls, int moves, int inputMoves, int gpuSubmits) {
    StandardProbeLoad {
        if (execs < 0 || roundTrips < 0 || syscalls < 0 || moves < 0 || inputMoves < 0 || gpuSubmits < 0) {
            throw new IllegalArgumentException("load counts must be >= 0, got execs " + execs + ", round trips "
                    + roundTrips + ", syscalls " + syscalls + ", moves " + moves + ", input moves " + inputMoves
                    + ", GPU submits " + gpuSubmits);
        }
    }

    /**
     * What a run did, and what it could do on this machine (the "wanted" counts: 0 moves on one CPU, 0 input moves
     * without /dev/uinput, 0 GPU submits without vgem).
     */
    record Done(long execs, long roundTrips, long syscalls, long moves, long movesWanted, long inputMoves,
                long inputMovesWanted, long gpuSubmits, long gpuSubmitsWanted, Duration elapsed) {
        boolean completes(StandardProbeLoad load) {
            return execs == load.execs() && roundTrips == load.roundTrips() && syscalls == load.syscalls()
                    && moves == movesWanted && inputMoves == inputMovesWanted && gpuSubmits == gpuSubmitsWanted;
        }
    }

    /** Runs the load, stopping what is left at {@code limit}. */
    Done run(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        AtomicLong tripsDone = new AtomicLong();
        AtomicLong readsDone = new AtomicLong();
        AtomicLong movesDone = new AtomicLong();
        AtomicLong inputDone = new AtomicLong();
        AtomicLong submitsDone = new AtomicLong();
        List<Integer> cpus = CpuAffinity.allowed();
        long movesWanted = cpus.size() < 2 ? 0 : moves;
        Optional<UinputMouse> mouse = inputMoves > 0 ? UinputMouse.create() : Optional.empty();
        Optional<VgemSubmitter> vgem = gpuSubmits > 0 ? VgemSubmitter.open() : Optional.empty();
        long inputWanted = mouse.isPresent() ? inputMoves : 0;
        long submitsWanted = vgem.isPresent() ? gpuSubmits : 0;
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
        List<Thread> workers = new ArrayList<>();
        workers.add(new Thread(() -> {
            try {
                for (int i = 0; i < roundTrips && System.nanoTime() < end; i++) {
                    ping.put(1);
                    pong.take();
                    tripsDone.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-probes-ping"));
        workers.add(new Thread(steps(syscalls, end, readsDone, i -> {
            try {
                Files.readAllBytes(Path.of("/proc/self/stat"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), "bench-probes-syscalls"));
        Runnable moving = steps(movesWanted, end, movesDone, i -> CpuAffinity.set(List.of(cpus.get((int) (i % cpus.size())))));
        workers.add(new Thread(() -> {
            try {
                moving.run();
            } finally {
                CpuAffinity.set(cpus);
            }
        }, "bench-probes-mover"));
        mouse.ifPresent(m -> workers.add(new Thread(steps(inputWanted, end, inputDone, i -> m.move()), "bench-probes-uinput")));
        vgem.ifPresent(v -> workers.add(new Thread(steps(submitsWanted, end, submitsDone, i -> v.submit()), "bench-probes-vgem")));
        echo.setDaemon(true);
        echo.start();
        workers.forEach(Thread::start);
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
            for (Thread w : workers) {
                w.join();
            }
            echo.interrupt();
            mouse.ifPresent(UinputMouse::close);
            vgem.ifPresent(VgemSubmitter::close);
        }
        return new Done(execsDone, tripsDone.get(), readsDone.get(), movesDone.get(), movesWanted, inputDone.get(),
                inputWanted, submitsDone.get(), submitsWanted, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Does {@code step} (given its index) {@code count} times or until {@code end}, counting into {@code done}. */
    private static Runnable steps(long count, long end, AtomicLong done, LongConsumer step) {
        return () -> {
            for (long i = 0; i < count && System.nanoTime() < end; i++) {
                step.accept(i);
                done.incrementAndGet();
            }
        };
    }
}
