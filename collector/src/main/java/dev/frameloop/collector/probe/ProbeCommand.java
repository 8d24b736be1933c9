package dev.frameloop.collector.probe;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.ring.EventDispatcher;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.sched.Gamer;
import dev.frameloop.collector.sched.GamerTunables;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.collector.sched.StreamCount;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.event.ThreadClassEvent;
import dev.frameloop.collector.ring.RingSizeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** {@code frameloop probe}: attach the probes, run a command or wait, then say what each probe saw. */
@Command(name = "probe",
        mixinStandardHelpOptions = true,
        description = {
                "Attach frameloop's event probes (process exec/exit, input, GPU submit, migration, frame presents) with the"
                        + " fallbacks this kernel needs, run CMD (or wait --duration), and print where each event type"
                        + " came from and what the probes saw: records written/dropped/read per stream, input events"
                        + " per device, GPU submits per thread, migrations per source, frames per game process and source,"
                        + " process events and class changes."
                        + " A debugging tool; recording to a dataset is 'frameloop record'.",
                "Needs root (CAP_BPF, CAP_PERFMON; CAP_SYS_ADMIN for --scheduler). --scheduler also needs sched_ext;"
                        + " without it: bin/frameloop vm -- bin/frameloop probe --scheduler -- CMD"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (CMD exited 0)",
                "1:CMD failed, or the probes failed to load",
                "2:bad options",
                "3:this machine cannot run it (no libbpf, not root, no sched_ext for --scheduler)"})
public final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--scheduler",
            description = "Load the probes inside the gamer sched_ext scheduler (and register it) instead of observe mode.")
    boolean scheduler;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Without CMD: probe for D (e.g. 5s). With CMD: stop after D even if CMD still runs."
                    + " Default with CMD: until CMD exits.")
    Duration duration;

    @Option(names = "--drain", paramLabel = "D", converter = DurationConverter.class,
            description = "After CMD exits, keep reading for D before stopping. Default: 300ms.")
    Duration drain = Duration.ofMillis(300);

    @Option(names = "--game-pid", paramLabel = "PID", description = "Count process PID as a game. Repeatable.")
    List<Integer> gamePids = new ArrayList<>();

    @Option(names = "--game-comm", paramLabel = "PATTERN",
            description = "Count processes whose comm matches PATTERN (exact, 'prefix*' or '*suffix', at most 15 bytes)"
                    + " as games, besides the defaults (*.exe, wine*, proton*). Repeatable.")
    List<String> gameComms = new ArrayList<>();

    @Option(names = "--frame-hook", paramLabel = "PATH:FUNCTION",
            description = "Also count a frame at each return of FUNCTION in the executable or library PATH (the game's own"
                    + " present, e.g. ml/target/workloads/synthgame:synthgame_present), besides glXSwapBuffers,"
                    + " eglSwapBuffers, xcb_present_pixmap and xcb_put_image. Nested presents count once. Repeatable.")
    List<String> frameHooks = new ArrayList<>();

    @Mixin
    RingSizeOptions ringSizes = new RingSizeOptions();

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "Command to run while probing (after --).")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (command.isEmpty() && duration == null) {
            throw new UserFacingException(ExitCodes.USAGE, "give a command to run (after --) or a --duration");
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        if (!BpfPrivileges.ofThisProcess().canTrace()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "attaching probes needs root (CAP_BPF, CAP_PERFMON); run it with sudo");
        }
        SchedExtSysfs sysfs = SchedExtSysfs.system();
        if (scheduler && !sysfs.isPresent()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "--scheduler needs sched_ext (CONFIG_SCHED_CLASS_EXT);"
                    + " run it in the VM: bin/frameloop vm -- bin/frameloop probe --scheduler -- CMD");
        }
        ProbeMode mode = scheduler ? ProbeMode.SCHEDULER : ProbeMode.OBSERVE;
        ProbeOptions options;
        try {
            options = ProbeOptions.defaults().withGamePids(gamePids).withGameComms(gameComms).withRingSizes(ringSizes.sizes())
                    .withFrameHookSpecs(frameHooks)
                    .withGamerTunables(scheduler ? new GamerTunables(GamerTunables.DEFAULT_DEADLINE_MISS_THRESHOLD,
                            GamerTunables.DEFAULT_STATS_WINDOW, 0, List.of()) : null);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ProbeTally tally = new ProbeTally();
        AtomicLong ringErrors = new AtomicLong();
        AtomicReference<String> firstRingError = new AtomicReference<>();
        int exit;
        List<StreamCount> streams;
        ProbeSet probes;
        try {
            probes = ProbeSet.open(mode, options);
        } catch (BpfException e) {
            throw new UserFacingException(ExitCodes.FAILURE, "the probes did not load: " + e.getMessage(), e);
        }
        try (probes) {
            KernelRings rings = probes.rings();
            out.println("probes (" + mode.name().toLowerCase(Locale.ROOT) + " mode, " + probes.object().name() + ".bpf.o): "
                    + String.join(", ", probes.attachedPrograms()));
            for (Map.Entry<EventType, String> source : probes.sources().entrySet()) {
                out.println("source " + source.getKey().name().toLowerCase(Locale.ROOT) + ": " + source.getValue());
            }
            out.flush();
            try (RingConsumer consumer = RingConsumer.start(rings.rings(), new EventDispatcher(tally), (ring, error) -> {
                ringErrors.incrementAndGet();
                firstRingError.compareAndSet(null, ring.name() + ": " + error);
            }, IdleMode.SPIN_YIELD_EPOLL, "probe-rings")) {
                if (scheduler) {
                    register(probes.scheduler().orElseThrow(), sysfs);
                }
                exit = command.isEmpty() ? waitFor(duration) : run(command, duration);
                Thread.sleep(drain.toMillis());
                probes.scheduler().ifPresent(StructOpsScheduler::detach);
                consumer.close();
            }
            streams = Gamer.readStreams(probes.object(), List.of(EventType.values()));
        }
        report(out, tally, streams);
        if (ringErrors.get() > 0) {
            out.println("ring errors: " + ringErrors.get() + " (first: " + firstRingError.get() + ")");
        }
        out.println(command.isEmpty() ? "probed for " + DurationConverter.format(duration) : "command exited with " + exit);
        out.flush();
        return exit == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void register(StructOpsScheduler gamer, SchedExtSysfs sysfs) {
        String state = sysfs.state().orElse("?");
        if (!SchedExtSysfs.DISABLED.equals(state)) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler is in charge (state: " + state + ")");
        }
        try {
            gamer.attach();
        } catch (BpfException e) {
            throw new UserFacingException(ExitCodes.FAILURE, "registering gamer failed: " + e.getMessage(), e);
        }
    }

    private static int waitFor(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        return 0;
    }

    private static int run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (limit == null) {
            return p.waitFor();
        }
        if (!p.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroy();
            p.waitFor();
            return 0;
        }
        return p.exitValue();
    }

    private static void report(PrintWriter out, ProbeTally tally, List<StreamCount> streams) {
        List<String> counts = new ArrayList<>();
        for (StreamCount c : streams) {
            counts.add(c.streamName() + " " + c.written() + "/" + c.dropped() + "/" + tally.read(c.type()));
        }
        out.println("events (written/dropped/read): " + String.join(", ", counts)
                + (tally.malformed() > 0 ? "; " + tally.malformed() + " malformed" : ""));
        tally.inputByDevice().forEach((device, n) -> out.println("input " + device + ": " + n));
        tally.gpuByThread().forEach((thread, n) -> out.println("gpu_submit " + thread + ": " + n));
        tally.migrationsBySource().forEach((source, n) -> out.println("migrations " + source + ": " + n));
        tally.framesBySource().forEach((source, n) -> out.println("frame_timing " + source + ": " + n));
        tally.frameSequences().forEach((pid, seq) -> out.println("frame_timing pid " + pid + " " + seq));
        for (ProcessEvent e : tally.processes()) {
            out.println("process " + e.action().name().toLowerCase(Locale.ROOT) + " pid " + e.pid() + " tid " + e.tid()
                    + " ppid " + e.ppid() + " game " + (e.isGame() ? 1 : 0) + " exit_code " + e.exitCode()
                    + " comm " + escape(e.comm()) + " filename " + escape(e.filename()));
        }
        for (ThreadClassEvent e : tally.classChanges()) {
            out.println("class tid " + e.tid() + " pid " + e.pid() + " comm " + escape(e.comm()) + " "
                    + e.oldClass().name().toLowerCase(Locale.ROOT) + " -> " + e.newClass().name().toLowerCase(Locale.ROOT)
                    + " (" + e.method().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** Printable ASCII as is, every other byte (and backslash, double quote) as \xNN, in double quotes. */
    static String escape(byte[] bytes) {
        StringBuilder s = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
                s.append((char) c);
            } else {
                s.append(String.format(Locale.ROOT, "\\x%02x", c));
            }
        }
        return s.append('"').toString();
    }

    @Override
    public String toString() {
        return "probe " + Arrays.toString(command.toArray());
    }
}
