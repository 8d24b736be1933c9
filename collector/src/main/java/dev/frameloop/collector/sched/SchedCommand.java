package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.probe.ProbeCatalog;
import dev.frameloop.collector.probe.ProbeMode;
import dev.frameloop.collector.probe.ProbeOptions;
import dev.frameloop.collector.probe.ProbeSet;
import dev.frameloop.collector.probe.ProbeSources;
import dev.frameloop.collector.record.PinDirectory;
import dev.frameloop.collector.ring.EventDispatcher;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.ring.RingSizeOptions;
import dev.frameloop.core.policy.BoostPolicyEntry;
import dev.frameloop.core.ring.ErrorHandler;
import dev.frameloop.core.ring.EventHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** {@code frameloop sched}: run the gamer scheduler until told to stop, then say why it stopped. */
@Command(name = "sched",
        mixinStandardHelpOptions = true,
        description = {
                "Run frameloop's gamer sched_ext scheduler: load it, register it with the kernel (every task"
                        + " is then scheduled by it), and keep it running until Ctrl-C (SIGINT), SIGTERM, the"
                        + " --duration, or until the kernel ejects it. Then unregister it and print why it"
                        + " stopped and what it scheduled.",
                "gamer schedules by deadline: a task's deadline is its weighted virtual time plus the time it ran"
                        + " since it last slept, scaled down by the boost of its class (input, render, audio,"
                        + " compositor, game, background), which it detects from what each thread does;"
                        + " --game-pid, --game-comm and --policy tell it more. While it runs it reads its event"
                        + " rings (class changes, deadline misses, migrations, task stats, policy applied),"
                        + " prints each class change and applied policy as it comes, the counts every"
                        + " --report-every, and at the end the counts, the threads that missed deadlines and"
                        + " the state of each --policy entry.",
                "Needs a kernel with sched_ext (CONFIG_SCHED_CLASS_EXT, Linux 6.12+) and root (CAP_BPF and"
                        + " CAP_SYS_ADMIN). Without one, run it in the VM:"
                        + " bin/frameloop vm -- bin/frameloop sched --duration 30s"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:stopped by the duration or by the user",
                "1:the kernel ejected the scheduler, or it failed to load or register",
                "2:bad options",
                "3:this machine cannot run it (no sched_ext, no libbpf, not root, another scheduler running)"})
public final class SchedCommand implements Callable<Integer> {
    /** How often the run checks whether the kernel still runs the scheduler. */
    private static final long POLL_MILLIS = 100;
    /** How long the kernel may take to switch state after register/unregister. */
    private static final long STATE_CHANGE_MILLIS = 10_000;
    /** The folder of {@link PinDirectory#DEFAULT_ROOT} that --pin uses. */
    public static final String PIN_FOLDER = "sched";

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after D, e.g. 30s, 2m, 1h30m (units ms, s, m, h, d)."
                    + " Default: run until Ctrl-C or SIGTERM.")
    Duration duration;

    @Option(names = "--game-pid", paramLabel = "PID",
            description = "Count process PID as a game: its threads get the game class (unless what they do says"
                    + " input, render, audio or compositor). Repeatable.")
    List<Integer> gamePids = new ArrayList<>();

    @Option(names = "--game-comm", paramLabel = "NAME",
            description = "Count threads named NAME (their comm, at most 15 bytes; a trailing * matches any name"
                    + " starting with what precedes it), or whose process is named NAME, as a game's threads."
                    + " Repeatable.")
    List<String> gameComms = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "TID=ROLE[,for=D][,boost=PCT][,slice=D]", converter = PolicyRequest.Converter.class,
            description = "Once gamer runs, write a boost_policy entry: schedule thread TID as ROLE (input, render,"
                    + " audio, compositor, game, background) for D (default 1m, then the entry expires and is"
                    + " ignored), with boost PCT percent (100 = none, 10..10000; default: the role's) and slice D"
                    + " (default: the role's). Repeatable. The end report says whether gamer applied each entry.")
    List<PolicyRequest> policies = new ArrayList<>();

    @Option(names = "--deadline-miss-threshold", paramLabel = "D", converter = DurationConverter.class,
            description = "Report a deadline miss when a task of a latency class starts running more than D after"
                    + " the time its deadline stood for. Default: 1ms.")
    Duration deadlineMissThreshold = GamerTunables.DEFAULT_DEADLINE_MISS_THRESHOLD;

    @Option(names = "--stats-window", paramLabel = "D", converter = DurationConverter.class,
            description = "Length of the per-thread task-stats window. Default: 100ms.")
    Duration statsWindow = GamerTunables.DEFAULT_STATS_WINDOW;

    @Option(names = "--report-every", paramLabel = "D", converter = DurationConverter.class,
            description = "Print the event counts every D while running (0s: only at the end). Default: 10s.")
    Duration reportEvery = Duration.ofSeconds(10);

    @Option(names = "--test-stall-tid", paramLabel = "TID",
            description = "Test only: never dispatch thread TID, so that the kernel's watchdog ejects gamer"
                    + " (after its timeout, 30s by default) and the ejection path can be checked.")
    int testStallTid;

    @Option(names = "--pin",
            description = "Keep gamer registered if this process dies (SIGKILL, crash): its struct_ops link and"
                    + " boost_policy maps are pinned under /sys/fs/bpf/frameloop/" + PIN_FOLDER + "/ while it runs."
                    + " A normal stop removes them; after a kill gamer schedules on (policy entries expire by"
                    + " their own time) until frameloop unpin, which also shows the entries left.")
    boolean pin;

    @Mixin
    RingSizeOptions ringSizes = new RingSizeOptions();

    @Spec
    CommandSpec spec;

    private final SchedExtSysfs sysfs;
    private SchedExtension extension;

    public SchedCommand() {
        this(SchedExtSysfs.system());
    }

    SchedCommand(SchedExtSysfs sysfs) {
        this.sysfs = sysfs;
    }

    /** This command with something running beside the scheduler (the closed loop); see {@link SchedExtension}. */
    public SchedCommand withExtension(SchedExtension extension) {
        this.extension = java.util.Objects.requireNonNull(extension, "extension");
        return this;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new UserFacingException(ExitCodes.USAGE, "--duration must be positive, was " + DurationConverter.format(duration.abs()));
        }
        if (statsWindow.isZero()) {
            throw new UserFacingException(ExitCodes.USAGE, "--stats-window must be positive");
        }
        requireThreads();
        GamerTunables tunables;
        try {
            tunables = new GamerTunables(deadlineMissThreshold, statsWindow, testStallTid, gameComms);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage());
        }
        checkMachine();
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignals signals = StopSignals.install();
             ProbeSet probes = openProbes(tunables)) {
            StructOpsScheduler gamer = probes.scheduler().orElseThrow();
            out.println("probes: " + ProbeSources.describe(probes.sources(), ProbeCatalog.probedTypes(ProbeMode.SCHEDULER)));
            if (extension != null) {
                Map<String, String> sources = new java.util.TreeMap<>();
                probes.sources().forEach((type, source) -> sources.put(
                        dev.frameloop.core.dataset.events.EventTables.tableName(type), source));
                extension.loaded(dev.frameloop.collector.record.Sha256.hex(gamer.object().elfBytes()), sources);
            }
            return run(gamer, probes.rings(), signals, out);
        }
    }

    private int run(StructOpsScheduler gamer, KernelRings rings, StopSignals signals, PrintWriter out) throws InterruptedException {
        SchedEventTally tally = new SchedEventTally();
        AtomicLong ringErrors = new AtomicLong();
        AtomicReference<String> firstRingError = new AtomicReference<>();
        ErrorHandler onError = (ring, error) -> {
            ringErrors.incrementAndGet();
            firstRingError.compareAndSet(null, ring.name() + ": " + error);
        };
        BoostPolicyMap policy = BoostPolicyMap.of(gamer.object(), gamer.object().elfBytes());
        EventHandler handler = new EventDispatcher(tally);
        if (extension != null) {
            EventHandler own = handler;
            EventHandler extra = extension.start(policy);
            handler = (ringId, buffer, offset, length) -> {
                own.onEvent(ringId, buffer, offset, length);
                extra.onEvent(ringId, buffer, offset, length);
            };
        }
        RingConsumer consumer = RingConsumer.start(rings.rings(), handler, onError, IdleMode.EPOLL, "gamer-rings");
        PinDirectory pins = new PinDirectory(PinDirectory.DEFAULT_ROOT);
        try {
            register(gamer);
            if (pin) {
                Map<String, Integer> fds = new LinkedHashMap<>();
                fds.put("link-0", gamer.linkFd());
                fds.put(BoostPolicyMap.MAP, gamer.object().map(BoostPolicyMap.MAP).fd());
                fds.put(BoostPolicyMap.CTL_MAP, gamer.object().map(BoostPolicyMap.CTL_MAP).fd());
                out.println("pinned in " + pins.pin(PIN_FOLDER, fds) + ": gamer stays registered if this process is"
                        + " killed (frameloop unpin ends it)");
            }
            out.println(Gamer.OPS_NAME + " enabled (sched_ext state: " + SchedExtSysfs.ENABLED + ", ops: " + Gamer.OPS_NAME + "); "
                    + (duration == null ? "running until Ctrl-C or SIGTERM" : "running for " + DurationConverter.format(duration) + " (Ctrl-C stops it sooner)"));
            for (PolicyRequest request : policies) {
                policy.write(request.at(monotonicNowNs()));
                out.println("policy: wrote " + request.describe());
            }
            out.flush();

            StopReason stop = runUntilStopped(gamer, signals, out, tally);
            if (pin) {
                pins.unpinAll();
            }
            gamer.detach();
            String after = awaitState(SchedExtSysfs.DISABLED);
            consumer.close(); // drains what the scheduler wrote up to its last callback
            printNotices(out, tally);
            GamerStats stats = Gamer.readStats(gamer.object());
            List<StreamCount> streams = Gamer.readStreams(gamer.object());
            report(out, stats, streams, tally, policyStates(policy));
            if (extension != null) {
                extension.stopped(stop.toString(), stop.isEjection());
                extension.report().forEach(out::println);
            }
            if (ringErrors.get() > 0) {
                out.println("ring errors: " + ringErrors.get() + " (first: " + firstRingError.get() + ")");
            }
            if (stop.isEjection()) {
                out.flush();
                throw new UserFacingException(ExitCodes.FAILURE, stop + "; before that it scheduled " + stats.describe());
            }
            out.println(stop);
            out.println(Gamer.OPS_NAME + " detached (sched_ext state: " + after + "); it scheduled " + stats.describe());
            out.flush();
            return ExitCodes.OK;
        } finally {
            consumer.close();
            if (pin && pins.pinned().filter(d -> d.getFileName().toString().equals(PIN_FOLDER)).isPresent()) {
                pins.unpinAll();
            }
        }
    }

    private static void printNotices(PrintWriter out, SchedEventTally tally) {
        for (String line = tally.pollNotice(); line != null; line = tally.pollNotice()) {
            out.println(line);
        }
    }

    /**
     * CLOCK_MONOTONIC now, the clock of bpf_ktime_get_ns(): on Linux, HotSpot's System.nanoTime() is
     * clock_gettime(CLOCK_MONOTONIC).
     */
    private static long monotonicNowNs() {
        return System.nanoTime();
    }

    private void requireThreads() {
        List<String> missing = new ArrayList<>();
        gamePids.forEach(pid -> requireThread(pid, "--game-pid", missing));
        policies.forEach(p -> requireThread(p.tid(), "--policy", missing));
        if (testStallTid != 0) {
            requireThread(testStallTid, "--test-stall-tid", missing);
        }
        if (!missing.isEmpty()) {
            throw new UserFacingException(ExitCodes.USAGE, String.join("; ", missing));
        }
    }

    private static void requireThread(int id, String option, List<String> missing) {
        if (id <= 0 || !Files.isDirectory(Path.of("/proc", Integer.toString(id)))) {
            missing.add(option + " " + id + ": no such process or thread");
        }
    }

    private void report(PrintWriter out, GamerStats stats, List<StreamCount> streams, SchedEventTally tally,
                        List<String> policyStates) {
        out.println("events (written/dropped): " + StreamCount.describe(streams));
        out.println("events read from the rings: " + streams.stream()
                .map(c -> c.streamName() + " " + tally.read(c.type())).reduce((a, b) -> a + ", " + b).orElse("")
                + (tally.malformed() > 0 ? "; " + tally.malformed() + " malformed" : ""));
        if (tally.noticesDropped() > 0) {
            out.println("(" + tally.noticesDropped() + " more class changes and policy applications not shown)");
        }
        out.println("class changes to: " + stats.describeClassChanges());
        out.println("deadline misses (later than " + DurationConverter.format(deadlineMissThreshold) + ") by class: "
                + stats.describeDeadlineMisses());
        List<SchedEventTally.ThreadMisses> late = tally.missesByThread();
        out.println("threads with deadline misses: " + late.size() + (late.isEmpty() ? "" : "; most: " + late.stream()
                .limit(5).map(m -> String.format(Locale.ROOT, "tid %d (%s) %d, worst %.3f ms", m.tid(), m.threadClass(),
                        m.count(), m.maxMissNs() / 1e6)).reduce((a, b) -> a + "; " + b).orElse("")));
        out.println("migrations by reason: " + stats.describeMigrations());
        out.println("idle CPU picks: " + stats.idleWholeCore() + " on fully idle cores, " + stats.idleBusySibling()
                + " beside a busy SMT sibling");
        out.println("preemptions " + stats.preemptKicks() + "; policy: " + stats.policyApplied() + " writes applied, "
                + stats.policyExpired() + " expired entries ignored (" + stats.policyLookups() + " lookups)");
        policyStates.forEach(out::println);
        if (testStallTid != 0) {
            out.println("test stall: tid " + testStallTid + " left out of " + stats.stalledEnqueues() + " enqueues");
        }
    }

    private List<String> policyStates(BoostPolicyMap policy) {
        List<String> states = new ArrayList<>();
        for (PolicyRequest request : policies) {
            Optional<BoostPolicyEntry> entry = policy.read(request.tid());
            // an expired entry is dead weight: delete it, as a policy writer does
            boolean deleted = entry.map(BoostPolicyEntry::expired).orElse(false) && policy.delete(request.tid());
            states.add("policy tid " + request.tid() + ": " + entry.map(SchedCommand::describe).orElse("entry gone")
                    + (deleted ? "; deleted" : ""));
        }
        return states;
    }

    private static String describe(BoostPolicyEntry entry) {
        String applied = entry.applied()
                ? String.format("applied %.3f ms after the write", entry.applyLatencyNs() / 1e6)
                : "not applied (the thread did not wake or run while it lived)";
        return applied + (entry.expired() ? "; expired and ignored" : "");
    }

    private void checkMachine() {
        if (!sysfs.isPresent()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "this kernel has no sched_ext (CONFIG_SCHED_CLASS_EXT);"
                    + " run it in the VM: bin/frameloop vm -- bin/frameloop sched"
                    + (duration == null ? " --duration 30s" : " --duration " + DurationConverter.format(duration)));
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        if (!BpfPrivileges.ofThisProcess().canRunScheduler()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "registering a sched_ext scheduler needs root"
                    + " (CAP_BPF and CAP_SYS_ADMIN); run it with sudo");
        }
        if (pin) {
            new PinDirectory(PinDirectory.DEFAULT_ROOT).pinned().ifPresent(d -> {
                throw new UserFacingException(ExitCodes.UNAVAILABLE, "--pin: pins exist in " + d + " (a killed"
                        + " frameloop left them); remove them with frameloop unpin");
            });
        }
        String state = sysfs.state().orElse("?");
        if (!SchedExtSysfs.DISABLED.equals(state)) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler is in charge (state: "
                    + state + ", ops: " + sysfs.rootOps().orElse("?") + "); stop it first");
        }
    }

    /**
     * Opens gamer with its probes (ProbeSet, scheduler mode): writes the tunables, sizes the rings (checking the
     * wire format), loads (the verifier runs here) and attaches every probe the kernel can run.
     */
    private ProbeSet openProbes(GamerTunables tunables) {
        ProbeOptions options = ProbeOptions.defaults().withGamePids(gamePids).withGameComms(gameComms)
                .withRingSizes(ringSizes.sizes()).withGamerTunables(tunables);
        try {
            return ProbeSet.open(ProbeMode.SCHEDULER, options);
        } catch (BpfException e) {
            int code = e.errno() == Errno.EPERM || e.errno() == Errno.ENOTSUPP || e.errno() == Errno.EOPNOTSUPP
                    ? ExitCodes.UNAVAILABLE : ExitCodes.FAILURE;
            throw new UserFacingException(code, "the kernel did not accept " + Gamer.OBJECT + ".bpf.o: " + e.getMessage(), e);
        }
    }

    private void register(StructOpsScheduler gamer) throws InterruptedException {
        try {
            gamer.attach();
        } catch (BpfException e) {
            if (e.errno() == Errno.EBUSY || e.errno() == Errno.EEXIST) {
                throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler took over first (ops: "
                        + sysfs.rootOps().orElse("?") + "): " + e.summary(), e);
            }
            throw new UserFacingException(ExitCodes.FAILURE, "registering " + Gamer.OPS_NAME + " failed: " + e.getMessage(), e);
        }
        String state = awaitState(SchedExtSysfs.ENABLED);
        Optional<String> ops = sysfs.rootOps();
        if (!SchedExtSysfs.ENABLED.equals(state) || !ops.equals(Optional.of(Gamer.OPS_NAME))) {
            throw new UserFacingException(ExitCodes.FAILURE, Gamer.OPS_NAME + " did not stay enabled (state: " + state
                    + ", ops: " + ops.orElse("none") + ")" + gamer.exitInfo().map(e -> ": " + e.describe()).orElse(""));
        }
    }

    private StopReason runUntilStopped(StructOpsScheduler gamer, StopSignals signals, PrintWriter out, SchedEventTally tally)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = duration == null ? 0 : start + duration.toNanos();
        long nextReport = reportEvery.isZero() ? Long.MAX_VALUE : start + reportEvery.toNanos();
        while (true) {
            printNotices(out, tally);
            out.flush();
            if (System.nanoTime() - nextReport >= 0) {
                nextReport += reportEvery.toNanos();
                out.println("after " + DurationConverter.format(Duration.ofNanos(System.nanoTime() - start).withNanos(0))
                        + ": events (written/dropped) " + StreamCount.describe(Gamer.readStreams(gamer.object()))
                        + "; read " + Gamer.STREAMS.stream().mapToLong(tally::read).sum());
                out.flush();
            }
            long wait = duration == null ? POLL_MILLIS
                    : Math.max(1, Math.min(POLL_MILLIS, (deadline - System.nanoTime()) / 1_000_000));
            Optional<String> signal = signals.await(wait);
            if (signal.isPresent()) {
                return StopReason.byUser(signal.get());
            }
            String state = sysfs.state().orElse("gone");
            if (!SchedExtSysfs.ENABLED.equals(state) || gamer.exitInfo().isPresent()) {
                // the exit record is complete once the kernel has finished disabling
                String settled = awaitState(SchedExtSysfs.DISABLED);
                return StopReason.ejected(gamer.exitInfo(), settled);
            }
            if (duration != null && deadline - System.nanoTime() <= 0) {
                return StopReason.byDuration(duration);
            }
        }
    }

    /** Polls the sched_ext state until it is {@code wanted} or {@link #STATE_CHANGE_MILLIS} pass; returns the last state seen. */
    private String awaitState(String wanted) throws InterruptedException {
        long until = System.nanoTime() + STATE_CHANGE_MILLIS * 1_000_000;
        String state = sysfs.state().orElse("gone");
        while (!wanted.equals(state) && System.nanoTime() < until) {
            Thread.sleep(20);
            state = sysfs.state().orElse("gone");
        }
        return state;
    }
}
