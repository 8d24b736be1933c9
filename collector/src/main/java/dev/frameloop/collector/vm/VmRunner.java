package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Boots one guest and runs one command in it: prepares the control folder, listens for the output
 * ports, starts qemu, streams the command's stdout and stderr and the console while it runs, and
 * reports how it ended. qemu is gone when {@link #run} returns or throws.
 */
public final class VmRunner {
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);
    private final OutputStream stdout;
    private final PrintStream stderr;
    private final List<String> qemuPrefix;

    /**
     * @param stdout     receives the command's stdout, byte for byte
     * @param stderr     receives the command's stderr, and console and qemu messages line by line
     * @param qemuPrefix what to start qemu through (e.g. {@link ParentDeathSignal#prefix}), may be empty
     */
    public VmRunner(OutputStream stdout, PrintStream stderr, List<String> qemuPrefix) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.qemuPrefix = List.copyOf(qemuPrefix);
    }

    /** A runner that writes to this process's stdout and stderr. */
    public static VmRunner standard(Environment env) {
        return new VmRunner(System.out, System.err, ParentDeathSignal.prefix(env));
    }

    /** Everything one run needs. */
    public record Plan(Path qemu, TcgThreading tcg, int cpus, MemorySize memory, Duration timeout, KernelDir kernel, Path initramfs,
                       GuestCommand command, List<Share> shares) {
        public Plan {
            shares = List.copyOf(shares);
        }
    }

    public GuestOutcome run(Plan plan) throws IOException, InterruptedException {
        try (ControlFolder control = ControlFolder.create(plan.command(), plan.shares(), stderr);
             OutputPump out = OutputPump.listen(control.stdoutSocket(), stdout, "vm-stdout");
             OutputPump err = OutputPump.listen(control.stderrSocket(), stderr, "vm-stderr")) {
            List<String> command = new ArrayList<>(qemuPrefix);
            command.addAll(QemuCommandLine.of(new QemuCommandLine.Settings(plan.qemu(), plan.tcg(), plan.cpus(), plan.memory(),
                    plan.kernel(), plan.initramfs(), control, plan.shares())));
            try (QemuProcess qemu = QemuProcess.start(command, stderr)) {
                ConsoleWatcher console = ConsoleWatcher.start(qemu.console(), stderr, "", "vm-console");
                ConsoleWatcher qemuErrors = ConsoleWatcher.start(qemu.errors(), stderr, "", "vm-qemu-stderr");
                if (!qemu.waitFor(plan.timeout())) {
                    qemu.close();
                    return new GuestOutcome.TimedOut(plan.timeout());
                }
                console.awaitEnd(DRAIN_LIMIT);
                qemuErrors.awaitEnd(DRAIN_LIMIT);
                out.awaitEnd(DRAIN_LIMIT);
                err.awaitEnd(DRAIN_LIMIT);

                OptionalInt status = control.status();
                if (status.isPresent()) {
                    return new GuestOutcome.Exited(status.getAsInt());
                }
                if (console.panicLine().isPresent()) {
                    return new GuestOutcome.Panicked(console.panicLine().get());
                }
                if (qemu.exitCode() != 0) {
                    return new GuestOutcome.Failed("qemu exited with " + qemu.exitCode() + ": "
                            + qemuErrors.lastLine().orElse("(no error output)"));
                }
                return new GuestOutcome.Failed(console.guestError()
                        .orElse("the guest stopped without reporting an exit status; last console line: "
                                + console.lastLine().orElse("(none)")));
            }
        }
    }
}
