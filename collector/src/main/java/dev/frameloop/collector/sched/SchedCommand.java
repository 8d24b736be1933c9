package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibBpf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop sched}: run the gamer scheduler until told to stop, then say why it stopped. */
@Command(name = "sched",
        mixinStandardHelpOptions = true,
        description = {
                "Run frameloop's gamer sched_ext scheduler: load it, register it with the kernel (every task"
                        + " is then scheduled by it), and keep it running until Ctrl-C (SIGINT), SIGTERM, the"
                        + " --duration, or until the kernel ejects it. Then unregister it and print why it"
                        + " stopped and what it scheduled.",
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

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after D, e.g. 30s, 2m, 1h30m (units ms, s, m, h, d)."
                    + " Default: run until Ctrl-C or SIGTERM.")
    Duration duration;

    @Spec
    CommandSpec spec;

    private final SchedExtSysfs sysfs;

    public SchedCommand() {
        this(SchedExtSysfs.system());
    }

    SchedCommand(SchedExtSysfs sysfs) {
        this.sysfs = sysfs;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new UserFacingException(ExitCodes.USAGE, "--duration must be positive, was " + DurationConverter.format(duration.abs()));
        }
        checkMachine();
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignals signals = StopSignals.install();
             StructOpsScheduler gamer = loadGamer()) {
            register(gamer);
            out.println(Gamer.OPS_NAME + " enabled (sched_ext state: " + SchedExtSysfs.ENABLED + ", ops: " + Gamer.OPS_NAME + "); "
                    + (duration == null ? "running until Ctrl-C or SIGTERM" : "running for " + DurationConverter.format(duration) + " (Ctrl-C stops it sooner)"));
            out.flush();

            StopReason stop = runUntilStopped(gamer, signals);
            GamerStats stats = Gamer.readStats(gamer.object());
            gamer.detach();
            String after = awaitState(SchedExtSysfs.DISABLED);
            if (stop.isEjection()) {
                throw new UserFacingException(ExitCodes.FAILURE, stop + "; before that it scheduled " + stats.describe());
            }
            out.println(stop);
            out.println(Gamer.OPS_NAME + " detached (sched_ext state: " + after + "); it scheduled " + stats.describe());
            out.flush();
            return ExitCodes.OK;
        }
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
        String state = sysfs.state().orElse("?");
        if (!SchedExtSysfs.DISABLED.equals(state)) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler is in charge (state: "
                    + state + ", ops: " + sysfs.rootOps().orElse("?") + "); stop it first");
        }
    }

    private static StructOpsScheduler loadGamer() {
        StructOpsScheduler gamer = Gamer.open();
        try {
            gamer.load();
            return gamer;
        } catch (BpfException e) {
            gamer.close();
            int code = e.errno() == Errno.EPERM || e.errno() == Errno.ENOTSUPP || e.errno() == Errno.EOPNOTSUPP
                    ? ExitCodes.UNAVAILABLE : ExitCodes.FAILURE;
            throw new UserFacingException(code, "the kernel did not accept " + Gamer.OBJECT + ".bpf.o: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            gamer.close();
            throw e;
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

    private StopReason runUntilStopped(StructOpsScheduler gamer, StopSignals signals) throws InterruptedException {
        long deadline = duration == null ? 0 : System.nanoTime() + duration.toNanos();
        while (true) {
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
