package dev.frameloop.collector.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.bpf.BpfProgram;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.probe.ProbeMode;
import dev.frameloop.collector.probe.ProbeOptions;
import dev.frameloop.collector.probe.ProbeSet;
import dev.frameloop.collector.ring.EventDispatcher;
import dev.frameloop.collector.ring.EventSink;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.sched.GamerTunables;
import dev.frameloop.collector.sched.SchedExtSysfs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** {@code frameloop bench probes}: the cost per run of each probe (and scheduler callback) under a standard load. */
@Command(name = "probes",
        mixinStandardHelpOptions = true,
        description = {
                "Measure what each of frameloop's BPF programs costs per run: with kernel.bpf_stats_enabled=1 (set for"
                        + " the run, restored after), the probes attached as 'frameloop probe' attaches them (and with"
                        + " --scheduler the gamer scheduler registered), a standard load for --duration, then"
                        + " run_time_ns / run_cnt of every loaded program, from the kernel's own counters.",
                "The standard load: a process exec'ing /bin/true in a loop (exec and exit probes), two threads"
                        + " handing a token back and forth (wakeups, migrations, scheduler callbacks) and a thread"
                        + " making cheap syscalls (the syscall fallback of the GPU-submit probe sees every syscall)."
                        + " Input and DRM probes run only when something produces input or GPU submits meanwhile.",
                "Target (issue 4): at most " + BenchProbesCommand.TARGET_NS + " ns per run for the scheduler callbacks"
                        + " and the high-rate probes. Needs root. --scheduler needs sched_ext (or the VM:"
                        + " bin/frameloop vm -- bin/frameloop bench probes --scheduler)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:the probes did not load", "2:bad options",
                "3:this machine cannot run it (no libbpf, not root, no sched_ext for --scheduler)"})
public final class BenchProbesCommand implements Callable<Integer> {
    /** ns per run the issue budgets for scheduler callbacks and high-rate probes. */
    static final int TARGET_NS = 150;
    private static final Path STATS_SWITCH = Path.of("/proc/sys/kernel/bpf_stats_enabled");

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, defaultValue = "5s",
            description = "How long the standard load runs (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--scheduler", description = "Measure gamer.bpf.o with the scheduler registered instead of observe mode.")
    boolean scheduler;

    @Option(names = "--json", description = "Print exactly one JSON object instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One program's result. */
    record ProgramCost(String name, String section, long runs, long runTimeNs) {
        double averageNs() {
            return runs == 0 ? 0 : (double) runTimeNs / runs;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (duration.isZero() || duration.isNegative()) {
            throw new UserFacingException(ExitCodes.USAGE, "--duration must be positive");
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        if (!BpfPrivileges.ofThisProcess().canTrace() || !Files.isWritable(STATS_SWITCH)) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "needs root (BPF, and writing " + STATS_SWITCH + ")");
        }
        SchedExtSysfs sysfs = SchedExtSysfs.system();
        if (scheduler && (!sysfs.isPresent() || !SchedExtSysfs.DISABLED.equals(sysfs.state().orElse("")))) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "--scheduler needs sched_ext with no scheduler in charge;"
                    + " run it in the VM: bin/frameloop vm -- bin/frameloop bench probes --scheduler");
        }
        ProbeMode mode = scheduler ? ProbeMode.SCHEDULER : ProbeMode.OBSERVE;
        ProbeOptions options = ProbeOptions.defaults().withGamerTunables(scheduler ? new GamerTunables(
                GamerTunables.DEFAULT_DEADLINE_MISS_THRESHOLD, GamerTunables.DEFAULT_STATS_WINDOW, 0, List.of()) : null);
        String before = Files.readString(STATS_SWITCH).strip();
        List<ProgramCost> costs;
        Map<String, String> sources = new LinkedHashMap<>();
        ProbeSet probes;
        try {
            probes = ProbeSet.open(mode, options);
        } catch (BpfException e) {
            throw new UserFacingException(ExitCodes.FAILURE, "the probes did not load: " + e.getMessage(), e);
        }
        try (probes;
             RingConsumer consumer = RingConsumer.start(probes.rings().rings(), new EventDispatcher(new EventSink() { }),
                     (ring, error) -> { }, IdleMode.SPIN_YIELD_EPOLL, "bench-probes-rings")) {
            probes.sources().forEach((type, source) -> sources.put(type.name().toLowerCase(Locale.ROOT), source));
            Map<String, Integer> fds = loadedPrograms(probes.object());
            Files.writeString(STATS_SWITCH, "1");
            try {
                if (scheduler) {
                    StructOpsScheduler gamer = probes.scheduler().orElseThrow();
                    gamer.attach();
                }
                Map<String, ProgramRunStats> start = snapshot(fds);
                standardLoad(duration);
                Map<String, ProgramRunStats> end = snapshot(fds);
                probes.scheduler().ifPresent(StructOpsScheduler::detach);
                costs = new ArrayList<>();
                for (BpfProgram p : probes.object().programs()) {
                    if (fds.containsKey(p.name())) {
                        ProgramRunStats d = end.get(p.name()).since(start.get(p.name()));
                        costs.add(new ProgramCost(p.name(), p.sectionName(), d.runs(), d.runTimeNs()));
                    }
                }
            } finally {
                Files.writeString(STATS_SWITCH, before);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(mode, before, costs, sources) : table(mode, before, costs));
        out.flush();
        return ExitCodes.OK;
    }

    /** Name -> fd of every program the kernel loaded. */
    private static Map<String, Integer> loadedPrograms(BpfObject object) {
        Map<String, Integer> fds = new LinkedHashMap<>();
        for (BpfProgram p : object.programs()) {
            if (p.isLoaded()) {
                fds.put(p.name(), p.fd());
            }
        }
        return fds;
    }

    private static Map<String, ProgramRunStats> snapshot(Map<String, Integer> fds) {
        Map<String, ProgramRunStats> stats = new LinkedHashMap<>();
        fds.forEach((name, fd) -> stats.put(name, ProgramRunStats.ofFd(fd)));
        return stats;
    }

    /** Exec loop, a token passed between two threads, cheap syscalls: until {@code duration} has passed. */
    private static void standardLoad(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
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
                while (System.nanoTime() < end) {
                    ping.put(1);
                    pong.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-probes-ping");
        Thread syscalls = new Thread(() -> {
            while (System.nanoTime() < end) {
                try {
                    Files.readAllBytes(Path.of("/proc/self/stat"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "bench-probes-syscalls");
        echo.setDaemon(true);
        echo.start();
        pinger.start();
        syscalls.start();
        try {
            while (System.nanoTime() < end) {
                Process p = new ProcessBuilder("/bin/true").start();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("running /bin/true", e);
        } finally {
            pinger.join();
            syscalls.join();
            echo.interrupt();
        }
    }

    static String table(ProbeMode mode, String statsBefore, List<ProgramCost> costs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "bench probes: %s mode, kernel %s (bpf_stats_enabled was %s, 1 during the run)%n%n",
                mode.name().toLowerCase(Locale.ROOT), System.getProperty("os.version"), statsBefore));
        out.append(String.format(Locale.ROOT, "  %-24s %-36s %12s %10s%n", "program", "section", "runs", "ns/run"));
        for (ProgramCost c : costs) {
            out.append(String.format(Locale.ROOT, "  %-24s %-36s %12d %10s%s%n", c.name(), c.section(), c.runs(),
                    c.runs() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", c.averageNs()),
                    c.runs() > 0 && c.averageNs() > TARGET_NS ? "  over " + TARGET_NS + " ns" : ""));
        }
        out.append(String.format(Locale.ROOT, "%n'-': not run by the standard load (no input/GPU activity, or not attached).%n"));
        return out.toString();
    }

    private static String json(ProbeMode mode, String statsBefore, List<ProgramCost> costs, Map<String, String> sources)
            throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", mode.name().toLowerCase(Locale.ROOT));
        root.put("kernel", System.getProperty("os.version"));
        root.put("bpf_stats_enabled_before", statsBefore);
        root.put("target_ns", TARGET_NS);
        ObjectNode src = root.putObject("sources");
        sources.forEach(src::put);
        ArrayNode programs = root.putArray("programs");
        for (ProgramCost c : costs) {
            ObjectNode p = programs.addObject();
            p.put("name", c.name());
            p.put("section", c.section());
            p.put("runs", c.runs());
            p.put("run_time_ns", c.runTimeNs());
            if (c.runs() > 0) {
                p.put("ns_per_run", Math.round(c.averageNs() * 10) / 10.0);
            } else {
                p.putNull("ns_per_run");
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }
}
