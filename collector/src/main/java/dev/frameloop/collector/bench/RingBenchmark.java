package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.ring.CpuAffinity;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.KernelRing;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RealtimePriority;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.ring.RingPlan;
import dev.frameloop.collector.ring.RingSize;
import dev.frameloop.collector.ring.RingSizes;
import dev.frameloop.collector.ring.RingStream;
import dev.frameloop.core.ring.ErrorHandler;
import dev.frameloop.core.ring.RingReader;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Java ring reader against libbpf's C consumer, on one ring, fed by one producer, in one run.
 *
 * <p>Setup: {@code bench.bpf.c} is loaded with its ring sized to hold a whole throughput round;
 * the ring map is pinned in bpffs so that {@code ringbuf_ref} (libbpf's {@code ring_buffer__*})
 * opens the same map. Both consumers take turns on the ring; each reads {@code consumer_pos}
 * where the other left it.
 *
 * <p>Throughput: per round, the producer commits {@code events} records with
 * {@code BPF_RB_NO_WAKEUP} while nobody reads, then one consumer drains exactly those, timed by
 * the consumer itself around its consume loop (Java: {@link RingReader#consume()} on a draining thread;
 * C: {@code ring_buffer__consume} in its only thread); with two CPUs or more the producer runs on one
 * and both consumers on another, so that neither reads from the producer's cache. Untimed warmup drains each (JIT, page faults of each mapping), then {@code rounds} timed rounds
 * alternating who goes first; medians are reported. The Java thread's allocated bytes
 * (ThreadMXBean) over the timed rounds give bytes per event.
 *
 * <p>Latency: for each rate, a pacing thread (this one) runs the producer once per record
 * (adaptive wakeup) on schedule while the consumer waits: Java sleeping in epoll, libbpf in
 * {@code ring_buffer__poll}, Java spinning, Java with the default spin-yield-epoll strategy. Each
 * consumer's run is split in segments, interleaved with the others' (on a shared machine, a burst of
 * foreign load then hits every consumer alike); the first 10 % of each segment are warmup. CPU % is
 * the consumer thread's CPU time over the segments' wall time.
 */
public final class RingBenchmark {
    private static final int STORE_BATCH = RingConsumer.DEFAULT_POSITION_STORE_BATCH;
    private static final Path BPFFS = Path.of("/sys/fs/bpf");
    /** Latency phases are split in this many segments, interleaved across consumers, so that noise hits all alike. */
    private static final int SEGMENTS = 4;
    /** Short consume passes before the warmup drains, for the JIT. */
    private static final int JIT_WARMUP_PASSES = 20_000;
    /** Fewest warmup drains per consumer. */
    private static final int WARMUP_DRAINS = 30;

    private final RingBenchOptions options;
    private final PrintWriter progress;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final ErrorHandler collectErrors = (ring, error) -> errors.add(error);
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long nextSeq;
    /** CPU of the producer (this thread) and of every consumer when pinned; null when the kernel places them. */
    private List<Integer> producerCpu;
    private List<Integer> consumerCpu;
    /** Every CPU this process may use. */
    private List<Integer> allowedCpus;
    /** How the spinning consumer ran, for the report. */
    private String spinScheduling = "not measured";
    /** The thread the Java reader drains on in the throughput phase, like ringbuf_ref's only thread. */
    private final ExecutorService drainer = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "bench-java-drain");
        t.setDaemon(true);
        return t;
    });

    public RingBenchmark(RingBenchOptions options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    public RingBenchResult run() {
        long ringBytes = options.ringBytes();
        if (ringBytes > RingSize.MAX_BYTES) {
            throw new UserFacingException(ExitCodes.USAGE, "--events " + options.events() + " of " + options.recordSize()
                    + " bytes need a " + RingSize.humanSpaced(ringBytes) + " ring; the largest is 512 MiB: ask for fewer events");
        }
        RingSizes sizes = RingSizes.defaults()
                .with(RingStream.BENCH, RingSize.single((int) ringBytes))
                .with(RingStream.BENCH_SET, RingSize.set(1, RingSize.MIN_BYTES));
        Path pinDir = BPFFS.resolve("frameloop-bench-" + ProcessHandle.current().pid());
        List<Integer> allowed = CpuAffinity.allowed();
        Path work;
        try {
            work = Files.createTempDirectory("frameloop-bench-ring-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary folder", e);
        }
        try (BpfObject object = BpfObject.openResource("bench");
             RefConsumerTool tool = RefConsumerTool.locate(options.refConsumer())) {
            RingPlan plan = KernelRings.configure(object, sizes);
            object.load();
            try (KernelRings rings = plan.open();
                 BenchProducer producer = new BenchProducer(object, BenchProducer.SINGLE_RING_PROGRAM)) {
                Path pinned = LibbpfWakeupReference.pinBenchRing(object, pinDir);
                try (RefConsumerProcess ref = RefConsumerProcess.start(tool.path(), pinned)) {
                    MonotonicClock clock = MonotonicClock.calibrate(1000);
                    KernelRing ring = rings.rings(RingStream.BENCH).get(0);
                    RingBenchResult result;
                    try {
                        result = measure(ring, producer, ref, clock, ringBytes, work, allowed);
                    } finally {
                        drainer.shutdownNow();
                    }
                    long drops = rings.drops().drops(RingStream.BENCH, 0);
                    if (drops != 0) {
                        throw new IllegalStateException("the producer dropped " + drops + " records: the results are void");
                    }
                    if (!errors.isEmpty()) {
                        IllegalStateException failure = new IllegalStateException("the Java reader reported errors: " + errors.get(0));
                        errors.forEach(failure::addSuppressed);
                        throw failure;
                    }
                    return result;
                }
            } finally {
                CpuAffinity.set(allowed);
                deleteTree(pinDir);
            }
        } finally {
            deleteTree(work);
        }
    }

    private RingBenchResult measure(KernelRing ring, BenchProducer producer, RefConsumerProcess ref, MonotonicClock clock,
                                    long ringBytes, Path work, List<Integer> allowed) {
        long events = options.events();
        allowedCpus = allowed;
        boolean twoCpus = allowed.size() >= 2;
        if (twoCpus) {
            pin(ref, List.of(allowed.get(0)), List.of(allowed.get(1)));
            say("throughput: producer on CPU " + allowed.get(0) + ", both consumers on CPU " + allowed.get(1)
                    + " (neither reads from the producer's cache)");
        }
        say("throughput: " + events + " records of " + options.recordSize() + " bytes per round, ring "
                + RingSize.humanSpaced(ringBytes) + ", warmup, then " + options.rounds() + " rounds per consumer");
        warmup(ring, producer, ref, ringBytes);
        List<Double> java = new ArrayList<>();
        List<Double> libbpf = new ArrayList<>();
        List<Double> javaCpu = new ArrayList<>();
        List<Double> libbpfCpu = new ArrayList<>();
        long allocated = 0;
        for (int round = 0; round < options.rounds(); round++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean javaTurn = (round + turn) % 2 == 0;
                fill(producer, events);
                if (javaTurn) {
                    long[] drain = javaDrain(ring, events);
                    java.add(events * 1e9 / drain[0]);
                    allocated += drain[1];
                    javaCpu.add(events * 1e9 / Math.max(1, drain[2]));
                } else {
                    RefConsumerProcess.Drain drain = cDrain(ref, events);
                    libbpf.add(events * 1e9 / drain.nanos());
                    libbpfCpu.add(events * 1e9 / Math.max(1, drain.cpuNanos()));
                }
            }
            say(String.format("  round %d: java %.1f M/s (%.1f M per CPU-s), libbpf %.1f M/s (%.1f M per CPU-s)", round + 1,
                    java.get(round) / 1e6, javaCpu.get(round) / 1e6, libbpf.get(round) / 1e6, libbpfCpu.get(round) / 1e6));
        }
        double allocPerEvent = (double) allocated / ((double) events * options.rounds());
        if (twoCpus && !options.pin()) {
            pin(ref, allowed, allowed);
            producerCpu = null;
            consumerCpu = null;
            say("latency: producer and consumers placed by the kernel (--pin to pin them as above)");
        }

        List<LatencyResult> latencies = new ArrayList<>();
        for (long rate : options.rates()) {
            long perSegment = Math.max(100, options.latencyRecords(rate) / SEGMENTS);
            say("latency at " + rate + " records/s, " + SEGMENTS + " x " + perSegment + " records per consumer, interleaved");
            List<Phase> phases = List.of(new Phase(RingBenchResult.JAVA_EPOLL, IdleMode.EPOLL),
                    new Phase(RingBenchResult.LIBBPF_POLL, null),
                    new Phase(RingBenchResult.JAVA_SPIN, IdleMode.SPIN),
                    new Phase(RingBenchResult.JAVA_DEFAULT, IdleMode.SPIN_YIELD_EPOLL));
            for (int segment = 0; segment < SEGMENTS; segment++) {
                for (int i = 0; i < phases.size(); i++) {
                    Phase phase = phases.get((i + segment) % phases.size());
                    if (phase.mode == null) {
                        cSegment(phase, ref, producer, rate, perSegment, work);
                    } else {
                        javaSegment(phase, ring, producer, clock, rate, perSegment);
                    }
                }
            }
            for (Phase phase : phases) {
                LatencyResult result = phase.result(rate);
                report(result);
                latencies.add(result);
            }
        }
        return new RingBenchResult(options, ringBytes, java, libbpf, javaCpu, libbpfCpu, allocPerEvent, clock, latencies,
                spinScheduling);
    }

    /**
     * Untimed drains for both consumers, in chunks of at most 100k records: at least
     * {@link #WARMUP_DRAINS} each (so that the JIT compiles the Java consume loop as a method, not only
     * on-stack, before anything is timed), and at least a whole ring each (so that every page of each
     * consumer's mapping has been faulted in).
     */
    private void warmup(KernelRing ring, BenchProducer producer, RefConsumerProcess ref, long ringBytes) {
        // many short passes first: RingReader.consume() gets a regular C2 compile only after thousands of
        // invocations; a few long passes would leave it running as on-stack-replaced code. Every branch a
        // timed drain takes must be taken here too, or the compiled loop learns it as never taken and
        // deoptimizes in a timed round: a new reader and counter now and then, as each timed drain has
        // (their first record takes the header-check and first-seq paths), and passes longer than the
        // consumer_pos store batch
        RingReader reader = null;
        for (int i = 0; i < JIT_WARMUP_PASSES; i++) {
            if (i % 8 == 0) {
                reader = new RingReader(ring.id(), ring.name(), ring.mapped().regions(), new SequenceCounter(),
                        collectErrors, STORE_BATCH);
            }
            fill(producer, i % 8 == 7 ? 4 * STORE_BATCH : 16);
            onDrainer(reader::consume);
        }
        long chunk = Math.min(options.events(), 100_000);
        long recordBytes = dev.frameloop.core.ring.RingBufferDescriptor.recordLength(options.recordSize());
        long drains = Math.max(WARMUP_DRAINS, (ringBytes / recordBytes + chunk - 1) / chunk + 1);
        for (long i = 0; i < drains; i++) {
            fill(producer, chunk);
            javaDrain(ring, chunk);
            fill(producer, chunk);
            cDrain(ref, chunk);
        }
    }

    /** Runs the producer (this thread) on {@code producer} and every consumer (Java threads, the C tool) on {@code consumer}. */
    private void pin(RefConsumerProcess ref, List<Integer> producer, List<Integer> consumer) {
        producerCpu = producer;
        consumerCpu = consumer;
        CpuAffinity.set(producer);
        CpuAffinity.set((int) ref.pid(), consumer);
        onDrainer(() -> {
            CpuAffinity.set(consumer);
            return null;
        });
    }

    /** One record per call, with the adaptive wakeup: how the latency phases produce. */
    private Pacer.Emitter paced(BenchProducer producer) {
        return seq -> producer.emit(1, seq, options.recordSize(), BenchWakeup.ADAPTIVE) == 1;
    }

    /** Commits {@code events} records with no wakeup while nobody reads. */
    private void fill(BenchProducer producer, long events) {
        long left = events;
        while (left > 0) {
            long chunk = Math.min(left, BenchProducer.MAX_COUNT_PER_RUN);
            long emitted = producer.emit(chunk, nextSeq, options.recordSize(), BenchWakeup.NONE);
            if (emitted != chunk) {
                throw new IllegalStateException("the bench ring held only " + emitted + " of " + chunk
                        + " records: it was not empty when the round started");
            }
            nextSeq += chunk;
            left -= chunk;
        }
    }

    /** Drains {@code events} records on the draining thread; returns {wall ns, allocated bytes, CPU ns}. */
    private long[] javaDrain(KernelRing ring, long events) {
        return onDrainer(() -> {
            SequenceCounter counter = new SequenceCounter();
            RingReader reader = new RingReader(ring.id(), ring.name(), ring.mapped().regions(), counter, collectErrors,
                    STORE_BATCH);
            long thread = Thread.currentThread().getId();
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            while (counter.count() < events && !reader.isStopped()) {
                reader.consume();
            }
            long nanos = System.nanoTime() - start;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            check(counter.count() == events && counter.orderErrors() == 0, "the Java reader read " + counter.count() + " of "
                    + events + " records with " + counter.orderErrors() + " out of sequence");
            return new long[] {nanos, allocated, cpuNanos};
        });
    }

    /** Runs {@code work} on the Java draining thread (pinned to the consumers' CPU while that is set). */
    private <T> T onDrainer(Callable<T> work) {
        try {
            return drainer.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private RefConsumerProcess.Drain cDrain(RefConsumerProcess ref, long events) {
        RefConsumerProcess.Drain drain = ref.drain(events);
        check(drain.records() == events && drain.orderErrors() == 0, "libbpf read " + drain.records() + " of " + events
                + " records with " + drain.orderErrors() + " out of sequence");
        return drain;
    }

    /** One consumer's latency measurements at one rate, summed over its segments. */
    private static final class Phase {
        final String label;
        final IdleMode mode;
        final Histogram histogram = new Histogram(1, LatencyRecorder.HIGHEST_NS, 3);
        long records;
        long received;
        long orderErrors;
        long cpuNanos;
        long wallNanos;
        long pacedNanos;

        Phase(String label, IdleMode mode) {
            this.label = label;
            this.mode = mode;
        }

        LatencyResult result(long rate) {
            return LatencyResult.of(label, rate, records * 1e9 / pacedNanos, records, received, histogram,
                    100.0 * cpuNanos / wallNanos, orderErrors);
        }
    }

    /**
     * A Java consumer thread with the phase's idle strategy reads {@code records} paced records. The
     * spinning consumer runs as {@code SCHED_FIFO} where allowed, on a CPU of its own with the producer
     * pinned to another (see {@link #spinningPlacement}).
     */
    private void javaSegment(Phase phase, KernelRing ring, BenchProducer producer, MonotonicClock clock, long rate,
                             long records) {
        long first = nextSeq;
        LatencyRecorder recorder = new LatencyRecorder(clock, first + records / 10);
        boolean spinning = phase.mode == IdleMode.SPIN && allowedCpus.size() >= 2;
        List<Integer> pinTo = spinning ? List.of(allowedCpus.get(1)) : consumerCpu;
        boolean[] realtime = new boolean[1];
        ThreadFactory threadFactory = runnable -> {
            Thread t = new Thread(() -> {
                if (pinTo != null) {
                    CpuAffinity.set(pinTo);
                }
                if (spinning) {
                    realtime[0] = RealtimePriority.tryFifo(RealtimePriority.LOWEST);
                }
                runnable.run();
            }, "bench-" + phase.label);
            t.setDaemon(true);
            return t;
        };
        if (spinning) {
            CpuAffinity.set(List.of(allowedCpus.get(0)));
        }
        try (RingConsumer consumer = RingConsumer.start(List.of(ring), recorder, collectErrors, phase.mode::create,
                RingConsumer.DEFAULT_POSITION_STORE_BATCH, RingConsumer.DEFAULT_DRAIN_TIMEOUT, threadFactory)) {
            sleepMillis(20); // let the consumer reach its idle state
            long thread = consumer.thread().getId();
            long cpuBefore = threads.getThreadCpuTime(thread);
            long wallBefore = System.nanoTime();
            Pacer.Run run = Pacer.run(paced(producer), records, first, rate);
            nextSeq += records;
            awaitCount(recorder, records);
            phase.wallNanos += System.nanoTime() - wallBefore;
            phase.cpuNanos += threads.getThreadCpuTime(thread) - cpuBefore;
            phase.pacedNanos += run.nanos();
        } finally {
            if (spinning) {
                CpuAffinity.set(producerCpu != null ? producerCpu : allowedCpus);
            }
        }
        if (spinning) {
            spinScheduling = spinningPlacement(realtime[0]);
        } else if (phase.mode == IdleMode.SPIN) {
            spinScheduling = "normal priority, one CPU: placed by the kernel";
        }
        phase.records += records;
        phase.received += recorder.count();
        phase.orderErrors += recorder.orderErrors();
        phase.histogram.add(recorder.histogram());
    }

    /**
     * Where the spinning consumer ran. A spinning thread of normal priority on a loaded machine is
     * descheduled for whole time slices, milliseconds, and that sets its p99; as SCHED_FIFO it runs
     * until the kernel takes back the normal threads' share (sched_rt_runtime_us: 5 % by default).
     */
    private String spinningPlacement(boolean realtime) {
        return (realtime ? "SCHED_FIFO " + RealtimePriority.LOWEST : "normal priority (SCHED_FIFO refused: no CAP_SYS_NICE)")
                + " on CPU " + allowedCpus.get(1) + ", producer on CPU " + allowedCpus.get(0);
    }

    /** The C reference consumer reads {@code records} paced records in ring_buffer__poll. */
    private void cSegment(Phase phase, RefConsumerProcess ref, BenchProducer producer, long rate, long records, Path work) {
        Path file = work.resolve("latencies.bin");
        ref.startPoll(records, 2000, file);
        Pacer.Run run = Pacer.run(paced(producer), records, nextSeq, rate);
        nextSeq += records;
        RefConsumerProcess.Poll poll = ref.awaitPoll(file);
        long[] latencies = poll.latenciesNs();
        for (int i = (int) (records / 10); i < latencies.length; i++) {
            phase.histogram.recordValue(Math.min(Math.max(1, latencies[i]), LatencyRecorder.HIGHEST_NS));
        }
        phase.records += records;
        phase.received += poll.records();
        phase.orderErrors += poll.orderErrors();
        phase.cpuNanos += poll.cpuNanos();
        phase.wallNanos += poll.nanos();
        phase.pacedNanos += run.nanos();
    }

    private void report(LatencyResult r) {
        say(String.format("  %-12s p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  cpu %5.1f %%  (%d/%d records, %.0f/s achieved)",
                r.consumer(), r.p50Us(), r.p99Us(), r.p999Us(), r.cpuPercent(), r.received(), r.records(), r.achievedRate()));
        check(r.received() == r.records() && r.orderErrors() == 0, r.consumer() + " saw " + r.received() + " of "
                + r.records() + " records with " + r.orderErrors() + " out of sequence");
    }

    private static long awaitCount(LatencyRecorder recorder, long records) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.count() < records && System.nanoTime() < deadline) {
            sleepMillis(1);
        }
        return recorder.count();
    }

    private void say(String line) {
        progress.println(line);
        progress.flush();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root, e);
        }
    }

}
