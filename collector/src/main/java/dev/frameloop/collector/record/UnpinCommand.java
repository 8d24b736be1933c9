package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.sched.BoostPolicyMap;
import dev.frameloop.collector.sched.PinnedBoostPolicy;
import dev.frameloop.collector.sched.SchedCommand;
import dev.frameloop.core.policy.BoostPolicyEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code frameloop unpin}: remove what {@code record --pin} or {@code sched --pin} left in bpffs. */
@Command(name = "unpin",
        mixinStandardHelpOptions = true,
        description = {
                "Remove the programs, links and rings frameloop record --pin (or sched/loop --pin) left pinned under"
                        + " /sys/fs/bpf/frameloop/: the probes detach, the gamer scheduler unregisters (unless a running"
                        + " record still holds them), and what the rings held but no record read is gone. A pinned"
                        + " boost_policy map's entries are listed first (role, applied, expired). Needs root."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:removed, or nothing was pinned", "4:a pin could not be removed"})
public final class UnpinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final PinDirectory pins;

    public UnpinCommand() {
        this(new PinDirectory(PinDirectory.DEFAULT_ROOT));
    }

    UnpinCommand(PinDirectory pins) {
        this.pins = pins;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Path policy = pins.root().resolve(SchedCommand.PIN_FOLDER).resolve(BoostPolicyMap.MAP);
            if (Files.exists(policy)) {
                List<BoostPolicyEntry> entries;
                try {
                    entries = PinnedBoostPolicy.read(policy);
                } catch (IllegalStateException e) {
                    throw new dev.frameloop.collector.cli.UserFacingException(ExitCodes.UNAVAILABLE,
                            "cannot read " + policy + ": " + e.getMessage(), e);
                }
                out.println("boost_policy: " + entries.size() + " entries");
                entries.forEach(e -> out.println("  " + PinnedBoostPolicy.describe(e)));
            }
            int removed = pins.unpinAll();
            out.println(removed == 0 ? "nothing pinned in " + pins.root() : "removed " + removed + " pins from " + pins.root());
        } catch (java.io.UncheckedIOException e) {
            throw new dev.frameloop.collector.cli.UserFacingException(ExitCodes.IO_ERROR, e.getMessage(), e);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
