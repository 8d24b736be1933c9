package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop vm}: runs one command as root in a guest booted on a sched_ext kernel. */
@Command(name = "vm",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        modelTransformer = VmCommand.CommandStartsAtFirstPositional.class,
        usageHelpWidth = 100,
        description = {
                "Boot a guest on a sched_ext kernel (qemu, TCG) and run CMD in it as root, in the host's root",
                "file system and the current working directory; stream its stdout and stderr; exit with its",
                "exit status. Everything after the first argument that is not an option belongs to CMD.",
                ""},
        footerHeading = "%nHow it works:%n",
        footer = {
                "  The host root is mounted read-only over 9p; each --share folder (default: the current folder)",
                "  read-write at the same path. The guest has proc, sysfs, devtmpfs (+ devpts, /dev/shm), bpffs,",
                "  tracefs, debugfs, a tmpfs on /tmp and /run, and the modules 9p, uinput (/dev/uinput), vgem",
                "  (/dev/dri/*) and snd-aloop (/dev/snd/*). CMD gets PATH, HOME=/root, LANG, TERM, and CI,",
                "  JAVA_HOME and FRAMELOOP_* from the caller; no stdin. CMD's stdout reaches stdout byte for byte",
                "  (no kernel messages in it); its stderr, and kernel errors from the console, go to stderr.",
                "  FRAMELOOP_JAVA_OPTS (JVM options of bin/frameloop and of frameloop's child JVMs) starts with",
                "  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC in the guest: JVMs start much faster there that way.",
                "",
                "  Kernel, first hit wins: --kernel DIR; $FRAMELOOP_KERNEL; ../shared/kernels/<newest>/ beside",
                "  the checkout; a kernel fetched earlier into ~/.cache/frameloop/kernels/; Debian unstable's",
                "  linux-image-amd64 fetched with apt into that folder (private apt state in",
                "  ~/.cache/frameloop/debian/). A kernel folder holds vmlinuz and modules/ (.ko, .ko.xz …).",
                "  The initramfs (busybox-static, init, modules) is cached in ~/.cache/frameloop/initramfs/.",
                "",
                "Exit status: CMD's; 124 when --timeout ran out; 1 on a guest kernel panic or when the guest",
                "  failed before CMD ended; 2 for bad options; 3 when qemu, busybox or a kernel is missing",
                "  (install with bin/setup); 130 on Ctrl-C. qemu never outlives frameloop.",
                "",
                "Examples:",
                "  frameloop vm -- cat /sys/kernel/sched_ext/state",
                "  frameloop vm --cpus 4 --timeout 30m --share out -- bin/frameloop sched --duration 5s"})
public final class VmCommand implements Callable<Integer> {
    static final int MAX_CPUS = 64;
    static final MemorySize MIN_MEMORY = new MemorySize(256 * MemorySize.MIB);

    @Option(names = "--kernel", paramLabel = "DIR",
            description = "Guest kernel folder with vmlinuz and modules/ (default: see below).")
    Path kernel;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "2",
            description = "Guest CPUs, 1-" + MAX_CPUS + " (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--mem", paramLabel = "SIZE", defaultValue = "2G", converter = MemorySize.Converter.class,
            description = "Guest memory, e.g. 512M, 2G; K/M/G/T are powers of 1024, a plain number is MiB"
                    + " (default: ${DEFAULT-VALUE}, at least 256M).")
    MemorySize memory;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10m", converter = DurationConverter.class,
            description = "Stop the guest after this long, boot included, and exit 124; e.g. 90s, 5m, 1h"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--tcg-threads", paramLabel = "MODE", defaultValue = "single",
            description = "qemu TCG threading: single (one host thread for all guest CPUs) or multi (one per guest"
                    + " CPU; faster with cores to spare, but the guest kernel sporadically panics while patching its"
                    + " own code; default: ${DEFAULT-VALUE}).")
    TcgThreading tcg;

    @Option(names = "--share", paramLabel = "DIR",
            description = "Host folder the guest may write, mounted read-write at the same path; repeatable"
                    + " (default: the current folder).")
    List<Path> shares = new ArrayList<>();

    /** Where variables and properties come from; tests replace it. */
    Environment environment = Environment.system();

    @Parameters(paramLabel = "CMD", arity = "1..*",
            description = "The command and its arguments (put -- before CMD if it could look like an option).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        validate();
        Path qemu = HostTool.find("qemu-system-x86_64", environment).orElseThrow(() -> new UserFacingException(
                ExitCodes.UNAVAILABLE, "qemu-system-x86_64 not found on PATH; install the Debian package"
                + " qemu-system-x86 (or run: sudo bin/setup)"));
        Path workingDirectory = environment.workingDirectory();
        List<Share> planned = Share.plan(shares, workingDirectory);
        KernelDir guestKernel = KernelResolver.standard(environment, note -> System.err.println("frameloop vm: " + note))
                .resolve(Optional.ofNullable(kernel));
        InitramfsBuilder.Image initramfs = InitramfsBuilder.standard(environment).imageFor(guestKernel);
        GuestCommand guestCommand = new GuestCommand(command, workingDirectory.toString(), GuestEnvironment.from(environment));

        GuestOutcome outcome = VmRunner.standard(environment).run(new VmRunner.Plan(qemu, tcg, cpus, memory, timeout, guestKernel,
                initramfs.path(), guestCommand, planned));
        return exitCode(outcome);
    }

    /** CMD's exit status, or the exception that explains why there is none. */
    static int exitCode(GuestOutcome outcome) {
        if (outcome instanceof GuestOutcome.Exited exited) {
            return exited.status();
        }
        if (outcome instanceof GuestOutcome.TimedOut timedOut) {
            throw new UserFacingException(ExitCodes.TIMEOUT, "the guest did not finish within "
                    + DurationConverter.format(timedOut.limit()) + " and was stopped; raise the limit with --timeout, e.g. --timeout "
                    + DurationConverter.format(timedOut.limit().multipliedBy(2)));
        }
        if (outcome instanceof GuestOutcome.Panicked panicked) {
            throw new UserFacingException(ExitCodes.FAILURE, "the guest kernel panicked: " + panicked.line()
                    + " (the console output above shows why)");
        }
        if (outcome instanceof GuestOutcome.Failed failed) {
            throw new UserFacingException(ExitCodes.FAILURE, "the guest failed before the command ended: " + failed.reason());
        }
        throw new IllegalStateException("outcome not covered: " + outcome);
    }

    private void validate() {
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new UserFacingException(ExitCodes.USAGE, "--cpus must be between 1 and " + MAX_CPUS + ", got " + cpus);
        }
        if (memory.bytes() < MIN_MEMORY.bytes()) {
            throw new UserFacingException(ExitCodes.USAGE, "--mem must be at least " + MIN_MEMORY + ", got " + memory);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new UserFacingException(ExitCodes.USAGE, "--timeout must be longer than 0, got " + DurationConverter.format(timeout));
        }
    }

    /**
     * Everything from the first positional argument on is CMD, so CMD's own options need no {@code --};
     * enum values are accepted in lower case ({@code --tcg-threads multi}).
     */
    static final class CommandStartsAtFirstPositional implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            spec.parser().caseInsensitiveEnumValuesAllowed(true);
            return spec;
        }
    }
}
