package dev.frameloop.ml.bench;

import dev.frameloop.collector.bench.LibbpfWakeupReference;
import dev.frameloop.collector.bench.LoopTriggerProducer;
import dev.frameloop.collector.bench.MonotonicClock;
import dev.frameloop.collector.bench.Pacer;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.ring.CpuAffinity;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.KernelRing;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RealtimePriority;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.ring.RingSize;
import dev.frameloop.collector.ring.RingSizes;
import dev.frameloop.collector.ring.RingStream;
import dev.frameloop.collector.sched.BoostPolicyMap;
import dev.frameloop.collector.sched.MapPolicyWriter;
import dev.frameloop.core.ring.ErrorHandler;
import dev.frameloop.ml.loop.PolicySettings;
import dev.frameloop.ml.loop.RoleModel;
import dev.frameloop.ml.loop.RolePolicy;
import dev.frameloop.ml.loop.SafePredictor;
import dev.frameloop.ml.loop.TribuoRoleModel;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The closed loop's latency on this kernel, in observe mode: {@code loop_bench.bpf.c}'s
 * {@code loop_trigger}, paced from this thread, writes trigger events (seq, kernel time, the
 * target thread's tid) into a ring; the loop's reader (spinning, or sleeping in epoll) runs
 * {@link LoopStep} on each (online features, model, policy, the map write through
 * {@link MapPolicyWriter}); {@code loop_applied}, on the target thread's next context switch,
 * finds the fresh entry and emits policy-applied with its own kernel time; a second reader collects
 * those, and {@link LoopPairing} pairs them with the triggers. libbpf's epoll wakeup
 * ({@link LibbpfWakeupReference}) runs in the same run, the three taking turns segment by segment
 * after one untimed warmup segment per mode.
 */
public final class LoopBenchmark {
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    /**
     * Triggers of the first, untimed segment: enough for the JIT to compile the loop's step with C2. Read
     * sleeping in epoll, not spinning: a SCHED_FIFO spinner that runs longer than the kernel's RT budget
     * (sched_rt_runtime_us, 950 ms of every second by default) is throttled, tens of ms to seconds.
     */
    static final int JIT_WARMUP_TRIGGERS = 20_000;
    /** Their rate: the backlog of a slow, not yet compiled step stays well within the ring. */
    private static final long JIT_WARMUP_RATE = 5_000;

    private final LoopBenchOptions options;
    private final PrintWriter progress;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final ErrorHandler collectErrors = (ring, error) -> errors.add(error);
    private String spinScheduling = "not measured";

    public LoopBenchmark(LoopBenchOptions options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    public LoopBenchResult run() {
        double loadBefore = loadAverage();
        RoleModel model;
        String modelName;
        if (options.model().isPresent()) {
            model = TribuoRoleModel.load(options.model().get());
            modelName = options.model().get().toString();
        } else {
            say("training the default model (logistic, on synthetic task_stats rows)");
            model = SyntheticRoleModel.train(1);
            modelName = SyntheticRoleModel.NAME;
        }
        long perSegment = options.triggersPerSegment();
        long measured = perSegment * options.segments();
        int capacity = Math.toIntExact(JIT_WARMUP_TRIGGERS + perSegment * LoopMode.values().length
                + measured * LoopMode.values().length);
        LoopSamples samples = new LoopSamples(capacity);
        List<Integer> allowed = CpuAffinity.allowed();
        RingSizes sizes = RingSizes.defaults()
                .with(RingStream.BENCH, RingSize.single(1024 * 1024))
                .with(RingStream.POLICY_APPLIED, RingSize.single(256 * 1024));
        try (BpfObject object = BpfObject.openResource("loop_bench")) {
            var plan = KernelRings.configure(object, sizes);
            load(object);
            try (KernelRings rings = plan.open();
                 LoopTriggerProducer producer = new LoopTriggerProducer(object);
                 LibbpfWakeupReference libbpf = LibbpfWakeupReference.open(options.refConsumer());
                 TargetThread target = new TargetThread(options.targetSleep().toNanos())) {
                attachStandIn(object);
                MapPolicyWriter writer = MapPolicyWriter.of(BoostPolicyMap.of(object, object.elfBytes()));
                MonotonicClock clock = MonotonicClock.calibrate(1000);
                int maxWrites = (int) Math.min(Integer.MAX_VALUE, Math.max(1000, options.rate() * 4));
                PolicySettings settings = new PolicySettings(0.0, 1, 1_000_000_000L, 1_000_000_000L - 1, maxWrites,
                        Map.of(), Map.of());
                LoopStep step = new LoopStep(clock, samples,
                        new SafePredictor(model, System::nanoTime, 20_000_000L, Integer.MAX_VALUE),
                        new RolePolicy(settings), writer, (int) ProcessHandle.current().pid());
                AppliedCollector appliedEvents = new AppliedCollector(capacity);
                Histogram libbpfNs = new Histogram(1, LoopPairing.HIGHEST_NS, 3);
                long[] libbpfCounts = new long[2];
                KernelRing triggers = rings.rings(RingStream.BENCH).get(0);
                try (RingConsumer appliedReader = RingConsumer.start(rings.rings(RingStream.POLICY_APPLIED), appliedEvents,
                        collectErrors, IdleMode.EPOLL, "bench-loop-applied")) {
                    say(String.format("target thread %d (sleeps %d us at a time); %d triggers/s; warmup, then %d segments"
                                    + " of %d triggers per mode (spin, epoll, libbpf), taking turns", target.tid(),
                            options.targetSleep().toNanos() / 1000, options.rate(), options.segments(), perSegment));
                    say("JIT warmup: " + JIT_WARMUP_TRIGGERS + " triggers at " + JIT_WARMUP_RATE + "/s");
                    long seq = javaSegment(LoopMode.EPOLL, triggers, producer, step, samples, target.tid(), 0,
                            JIT_WARMUP_TRIGGERS, JIT_WARMUP_TRIGGERS, JIT_WARMUP_RATE, allowed);
                    for (LoopMode mode : LoopMode.values()) {
                        seq = javaSegment(mode, triggers, producer, step, samples, target.tid(), seq, perSegment, perSegment,
                                options.rate(), allowed);
                    }
                    libbpf.measure(options.rate(), perSegment, perSegment, libbpfNs);
                    for (int segment = 0; segment < options.segments(); segment++) {
                        for (int turn = 0; turn < 3; turn++) {
                            int which = (turn + segment) % 3;
                            if (which == 2) {
                                libbpfCounts[0] += perSegment;
                                libbpfCounts[1] += libbpf.measure(options.rate(), perSegment, options.warmupPerSegment(),
                                        libbpfNs);
                            } else {
                                seq = javaSegment(LoopMode.values()[which], triggers, producer, step, samples, target.tid(),
                                        seq, perSegment, options.warmupPerSegment(), options.rate(), allowed);
                            }
                        }
                        say("  segment " + (segment + 1) + "/" + options.segments() + " done");
                    }
                    sleepMillis(50); // the target's next switch after the last write
                }
                check(errors.isEmpty(), () -> "a ring reader reported errors: " + errors.get(0));
                check(step.malformed() == 0 && appliedEvents.malformed() == 0, () -> step.malformed()
                        + " trigger records and " + appliedEvents.malformed() + " applied records were malformed");
                long triggerDrops = rings.drops().drops(RingStream.BENCH, 0);
                long appliedDrops = rings.drops().drops(RingStream.POLICY_APPLIED, 0);
                check(triggerDrops == 0 && appliedDrops == 0, () -> "the rings dropped " + triggerDrops + " triggers and "
                        + appliedDrops + " applied events: the results are void");
                LoopPairing.Result pairing = LoopPairing.pair(samples, appliedEvents.entryNs(), appliedEvents.appliedNs());
                return LoopBenchResult.of(options, modelName, pairing, libbpfNs, libbpfCounts[0], libbpfCounts[1],
                        spinScheduling, target.scheduling(), loadBefore, loadAverage());
            }
        } finally {
            CpuAffinity.set(allowed);
        }
    }

    /**
     * One segment of {@code count} triggers at {@code rate} read in {@code mode}; the first {@code warmup} are not measured.
     * Spinning, with two CPUs or more: the reader on the second allowed CPU as SCHED_FIFO (where permitted),
     * the pacer (this thread) on the first; sleeping: the kernel places them.
     *
     * @return the next trigger's seq
     */
    private long javaSegment(LoopMode mode, KernelRing ring, LoopTriggerProducer producer, LoopStep step,
                             LoopSamples samples, int targetTid, long first, long count, long warmup, long rate,
                             List<Integer> allowed) {
        samples.plan(first, count, warmup, mode);
        boolean pinned = mode == LoopMode.SPIN && allowed.size() >= 2;
        boolean[] realtime = new boolean[1];
        CountDownLatch running = new CountDownLatch(1);
        ThreadFactory threads = runnable -> {
            Thread t = new Thread(() -> {
                if (pinned) {
                    CpuAffinity.set(List.of(allowed.get(1)));
                    realtime[0] = RealtimePriority.tryFifo(RealtimePriority.LOWEST);
                }
                running.countDown();
                runnable.run();
            }, "bench-loop-" + mode.label());
            t.setDaemon(true);
            return t;
        };
        if (pinned) {
            CpuAffinity.set(List.of(allowed.get(0)));
        }
        long expected = step.count() + count;
        System.gc(); // a young collection during the segment would stop the reader at a safepoint
        try (RingConsumer reader = RingConsumer.start(List.of(ring), step, collectErrors, mode.idle()::create,
                RingConsumer.DEFAULT_POSITION_STORE_BATCH, RingConsumer.DEFAULT_DRAIN_TIMEOUT, threads)) {
            // on a loaded machine a new thread can wait long for its first run: pace only once it runs
            if (!await(running)) {
                throw new IllegalStateException("the " + mode.label() + " reader thread did not start within 10 s");
            }
            sleepMillis(20); // let the reader reach its idle state
            Pacer.run(seq -> producer.emit(seq, targetTid), count, first, rate);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (step.count() < expected && System.nanoTime() < deadline) {
                sleepMillis(1);
            }
        } finally {
            if (pinned) {
                CpuAffinity.set(allowed);
            }
        }
        sayWorstWakeup(mode, samples, first, count);
        if (mode == LoopMode.SPIN) {
            spinScheduling = pinned
                    ? (realtime[0] ? "SCHED_FIFO " + RealtimePriority.LOWEST : "normal priority (SCHED_FIFO refused)")
                    + " on CPU " + allowed.get(1) + ", pacer on CPU " + allowed.get(0)
                    : "normal priority, one CPU: placed by the kernel";
        }
        return first + count;
    }

    private static void load(BpfObject object) {
        try {
            object.load();
        } catch (BpfException e) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "this kernel refused the loop bench's programs ("
                    + e.summary() + "): it needs BPF ring buffers, SEC(\"syscall\") programs with BPF_PROG_TEST_RUN and"
                    + " BTF (tp_btf); frameloop doctor shows what this kernel can do", e);
        }
    }

    /** The stand-in scheduler: needs tp_btf (BTF-enabled raw tracepoints). */
    private static void attachStandIn(BpfObject object) {
        try {
            object.program("loop_applied").attach();
            object.program("loop_applied_waking").attach();
        } catch (BpfException e) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "attaching the stand-in scheduler"
                    + " (tp_btf/sched_switch, tp_btf/sched_waking) failed (" + e.summary() + "): this kernel needs tp_btf programs for"
                    + " bench loop; frameloop doctor shows what it can do", e);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The segment's slowest wakeup and where it was: a stall shows as one long wait and a backlog after it. */
    private void sayWorstWakeup(LoopMode mode, LoopSamples samples, long first, long count) {
        long worst = -1;
        long at = -1;
        for (long seq = first; seq < first + count; seq++) {
            int i = (int) seq;
            if (samples.seen(i) && samples.part(i, LoopPart.WAKEUP, 0) > worst) {
                worst = samples.part(i, LoopPart.WAKEUP, 0);
                at = seq - first;
            }
        }
        say(String.format("    %s: slowest wakeup %.1f us, trigger %d of %d", mode.label(), worst / 1000.0, at, count));
    }

    private void say(String line) {
        progress.println(line);
        progress.flush();
    }

    private static void check(boolean condition, java.util.function.Supplier<String> message) {
        if (!condition) {
            throw new IllegalStateException(message.get());
        }
    }

    /** The 1-minute load average, NaN where /proc/loadavg cannot be read. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
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
}
