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

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code frameloop bench probes}: the cost per run of each probe (and scheduler callback) under a standard load. */
@Command(name = "probes",
        mixinStandardHelpOptions = true,
        description = {
                "Measure what each of frameloop's BPF programs costs per run: with the kernel's run-time statistics"
                        + " on for the run (BPF_ENABLE_STATS; released when the bench ends, however it ends), the probes"
                        + " attached as 'frameloop probe' attaches them (and with --scheduler the gamer scheduler"
                        + " registered), the standard load, then run_time_ns / run_cnt of every loaded"
                        + " program, from the kernel's own counters.",
                "Same-run reference: an empty program on each hook (probe_ref.bpf.o), attached beside the probes;"
                        + " each program's cost is also given as a ratio to its hook's reference (scheduler callbacks:"
                        + " an empty tp_btf/sched_switch program). The ratio is what compares machines: a TCG guest"
                        + " inflates every absolute number several-fold.",
                "The standard load, the same work on every run: --execs runs of /bin/true (exec and exit probes),"
                        + " --round-trips hand-offs of a token between two threads (wakeups, migrations, scheduler"
                        + " callbacks) and --syscalls reads of /proc/self/stat (the syscall fallback of the GPU-submit"
                        + " probe sees every syscall) and --moves moves of a thread from CPU to CPU (migrations at a high"
                        + " rate), and where the devices exist (the VM guest) --input-moves moves of a uinput virtual"
                        + " mouse (the input probe) and --gpu-submits vgem submit ioctls (the GPU-submit probe's fentry"
                        + " on drm_ioctl), at once; --timeout stops what is left. Without them (the host) the input"
                        + " probe does not run and the GPU-submit probe's syscall fallback is what is measured.",
                "Target (issue 4): at most " + BenchProbesCommand.TARGET_NS + " ns per run for the scheduler callbacks"
                        + " and the high-rate probes. Needs root. --scheduler needs sched_ext (or the VM:"
                        + " bin/frameloop vm -- bin/frameloop bench probes --scheduler)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:the probes did not load", "2:bad options",
                "3:this machine cannot run it (no libbpf, not root, no sched_ext for --scheduler)"})
public final class BenchProbesCommand implements Callable<Integer> {
    /** ns per run the issue budgets for scheduler callbacks and high-rate probes. */
    static final int TARGET_NS = 150;

    @Option(names = "--execs", paramLabel = "N", defaultValue = "500",
            description = "Processes the standard load starts (default: ${DEFAULT-VALUE}).")
    int execs;

    @Option(names = "--round-trips", paramLabel = "N", defaultValue = "100000",
            description = "Token hand-offs between the load's two threads (default: ${DEFAULT-VALUE}).")
    int roundTrips;

    @Option(names = "--syscalls", paramLabel = "N", defaultValue = "100000",
            description = "Reads of /proc/self/stat by the load's third thread (default: ${DEFAULT-VALUE}).")
    int syscalls;

    @Option(names = "--moves", paramLabel = "N", defaultValue = "20000",
            description = "Moves of the load's fourth thread to the next allowed CPU, one migration each (default:"
                    + " ${DEFAULT-VALUE}; none on a single CPU; 0 leaves migrations to the other threads, a few hundred,"
                    + " each with cold caches).")
    int moves;

    @Option(names = "--input-moves", paramLabel = "N", defaultValue = "20000",
            description = "Moves of a uinput virtual mouse, two input events each, where /dev/uinput exists (the VM"
                    + " guest; default: ${DEFAULT-VALUE}).")
    int inputMoves;

    @Option(names = "--gpu-submits", paramLabel = "N", defaultValue = "5000",
            description = "vgem fence attach + signal ioctls, one GPU submit each, where the vgem DRM driver is loaded"
                    + " (the VM guest; default: ${DEFAULT-VALUE}).")
    int gpuSubmits;

    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class, defaultValue = "120s",
            description = "Stop the load there if it has not finished; the report says how much ran (default:"
                    + " ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--scheduler", description = "Measure gamer.bpf.o with the scheduler registered instead of observe mode.")
    boolean scheduler;

    @Option(names = "--json", description = "Print exactly one JSON object instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One program's result, and its hook's empty reference program over the same run (null when none). */
    record ProgramCost(String name, String section, ProgramRunStats stats, String referenceName,
                       ProgramRunStats reference) {
        long runs() {
            return stats.runs();
        }

        double averageNs() {
            return stats.averageNs();
        }

        /** ns per run over the reference's ns per run; NaN when either did not run. */
        double ratio() {
            return reference == null || reference.runs() == 0 || stats.runs() == 0 || reference.runTimeNs() == 0
                    ? Double.NaN : stats.averageNs() / reference.averageNs();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new UserFacingException(ExitCodes.USAGE, "--timeout must be positive");
        }
        StandardProbeLoad load;
        try {
            load = new StandardProbeLoad(execs, roundTrips, syscalls, moves, inputMoves, gpuSubmits);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage() + " (--execs, --round-trips, --syscalls, --moves, --input-moves, --gpu-submits)");
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        if (!BpfPrivileges.ofThisProcess().canTrace()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "needs root (BPF programs and their run-time statistics)");
        }
        SchedExtSysfs sysfs = SchedExtSysfs.system();
        if (scheduler && (!sysfs.isPresent() || !SchedExtSysfs.DISABLED.equals(sysfs.state().orElse("")))) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "--scheduler needs sched_ext with no scheduler in charge;"
                    + " run it in the VM: bin/frameloop vm -- bin/frameloop bench probes --scheduler");
        }
        ProbeMode mode = scheduler ? ProbeMode.SCHEDULER : ProbeMode.OBSERVE;
        ProbeOptions options = ProbeOptions.defaults().withGamerTunables(scheduler ? new GamerTunables(
                GamerTunables.DEFAULT_DEADLINE_MISS_THRESHOLD, GamerTunables.DEFAULT_STATS_WINDOW, 0, List.of()) : null);
        List<ProgramCost> costs;
        StandardProbeLoad.Done done;
        Map<String, String> sources = new LinkedHashMap<>();
        ProbeSet probes;
        try {
            probes = ProbeSet.open(mode, options);
        } catch (BpfException e) {
            throw new UserFacingException(ExitCodes.FAILURE, "the probes did not load: " + e.getMessage(), e);
        }
        try (probes;
             ReferencePrograms references = ReferencePrograms.attach(loadedSections(probes.object()));
             RingConsumer consumer = RingConsumer.start(probes.rings().rings(), new EventDispatcher(new EventSink() { }),
                     (ring, error) -> { }, IdleMode.SPIN_YIELD_EPOLL, "bench-probes-rings")) {
            probes.sources().forEach((type, source) -> sources.put(type.name().toLowerCase(Locale.ROOT), source));
            List<BpfProgram> measured = loaded(probes.object().programs());
            List<BpfProgram> all = new ArrayList<>(measured);
            all.addAll(references.programs());
            try (RunTimeStats ignored = RunTimeStats.enable()) {
                if (scheduler) {
                    StructOpsScheduler gamer = probes.scheduler().orElseThrow();
                    gamer.attach();
                }
                Map<String, ProgramRunStats> start = snapshot(all);
                done = load.run(timeout);
                Map<String, ProgramRunStats> end = snapshot(all);
                probes.scheduler().ifPresent(StructOpsScheduler::detach);
                costs = new ArrayList<>();
                for (BpfProgram p : measured) {
                    ProgramRunStats d = end.get(p.name()).since(start.get(p.name()));
                    BpfProgram ref = references.referenceOf(p.sectionName()).orElse(null);
                    costs.add(new ProgramCost(p.name(), p.sectionName(), d, ref == null ? null : ref.name(),
                            ref == null ? null : end.get(ref.name()).since(start.get(ref.name()))));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(mode, load, done, costs, sources) : table(mode, load, done, costs));
        out.flush();
        return ExitCodes.OK;
    }

    private static List<BpfProgram> loaded(List<BpfProgram> programs) {
        return programs.stream().filter(BpfProgram::isLoaded).toList();
    }

    private static List<String> loadedSections(BpfObject object) {
        return loaded(object.programs()).stream().map(BpfProgram::sectionName).toList();
    }

    private static Map<String, ProgramRunStats> snapshot(List<BpfProgram> programs) {
        Map<String, ProgramRunStats> stats = new LinkedHashMap<>();
        programs.forEach(p -> stats.put(p.name(), ProgramRunStats.ofFd(p.fd())));
        return stats;
    }

    static String table(ProbeMode mode, StandardProbeLoad load, StandardProbeLoad.Done done, List<ProgramCost> costs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "bench probes: %s mode, kernel %s; reference: an empty program on the same hook, same run%n"
                        + "load: %d/%d execs, %d/%d round trips, %d/%d syscall reads, %d/%d CPU moves,"
                        + " %d/%d uinput moves, %d/%d vgem submits in %.1f s%s%n%n",
                mode.name().toLowerCase(Locale.ROOT), System.getProperty("os.version"), done.execs(), load.execs(),
                done.roundTrips(), load.roundTrips(), done.syscalls(), load.syscalls(), done.moves(), done.movesWanted(),
                done.inputMoves(), done.inputMovesWanted(), done.gpuSubmits(), done.gpuSubmitsWanted(),
                done.elapsed().toMillis() / 1000.0,
                done.completes(load) ? "" : " (stopped by --timeout)"));
        out.append(String.format(Locale.ROOT, "  %-24s %-36s %12s %10s %10s %8s%n", "program", "section", "runs",
                "ns/run", "ref ns/run", "x ref"));
        for (ProgramCost c : costs) {
            out.append(String.format(Locale.ROOT, "  %-24s %-36s %12d %10s %10s %8s%s%n", c.name(), c.section(), c.runs(),
                    c.runs() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", c.averageNs()),
                    c.reference() == null || c.reference().runs() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.0f", c.reference().averageNs()),
                    Double.isNaN(c.ratio()) ? "-" : String.format(Locale.ROOT, "%.1f", c.ratio()),
                    c.runs() > 0 && c.averageNs() > TARGET_NS ? "  over " + TARGET_NS + " ns" : ""));
        }
        out.append(String.format(Locale.ROOT, "%n'-': not run by the standard load (no input/GPU activity, or not attached)."
                + " Scheduler callbacks are read against an empty %s program.%n", ReferencePrograms.SCHEDULER_REFERENCE));
        return out.toString();
    }

    private static String json(ProbeMode mode, StandardProbeLoad load, StandardProbeLoad.Done done,
                               List<ProgramCost> costs, Map<String, String> sources) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", mode.name().toLowerCase(Locale.ROOT));
        root.put("kernel", System.getProperty("os.version"));
        root.put("target_ns", TARGET_NS);
        ObjectNode l = root.putObject("load");
        l.put("execs", done.execs());
        l.put("execs_wanted", load.execs());
        l.put("round_trips", done.roundTrips());
        l.put("round_trips_wanted", load.roundTrips());
        l.put("syscalls", done.syscalls());
        l.put("syscalls_wanted", load.syscalls());
        l.put("moves", done.moves());
        l.put("moves_wanted", done.movesWanted());
        l.put("input_moves", done.inputMoves());
        l.put("input_moves_wanted", done.inputMovesWanted());
        l.put("gpu_submits", done.gpuSubmits());
        l.put("gpu_submits_wanted", done.gpuSubmitsWanted());
        l.put("seconds", done.elapsed().toMillis() / 1000.0);
        l.put("complete", done.completes(load));
        ObjectNode src = root.putObject("sources");
        sources.forEach(src::put);
        ArrayNode programs = root.putArray("programs");
        for (ProgramCost c : costs) {
            ObjectNode p = programs.addObject();
            p.put("name", c.name());
            p.put("section", c.section());
            p.put("runs", c.runs());
            p.put("run_time_ns", c.stats().runTimeNs());
            putNs(p, "ns_per_run", c.stats());
            if (c.reference() == null) {
                p.putNull("reference");
            } else {
                ObjectNode ref = p.putObject("reference");
                ref.put("name", c.referenceName());
                ref.put("section", ReferencePrograms.referenceSection(c.section()));
                ref.put("runs", c.reference().runs());
                ref.put("run_time_ns", c.reference().runTimeNs());
                putNs(ref, "ns_per_run", c.reference());
            }
            if (Double.isNaN(c.ratio())) {
                p.putNull("ratio");
            } else {
                p.put("ratio", Math.round(c.ratio() * 100) / 100.0);
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void putNs(ObjectNode node, String field, ProgramRunStats stats) {
        if (stats.runs() > 0) {
            node.put(field, Math.round(stats.averageNs() * 10) / 10.0);
        } else {
            node.putNull(field);
        }
    }
}
