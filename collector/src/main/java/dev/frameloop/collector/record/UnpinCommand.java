package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code frameloop unpin}: remove what {@code record --pin} left in bpffs. */
@Command(name = "unpin",
        mixinStandardHelpOptions = true,
        description = {
                "Remove the programs, links and rings frameloop record --pin left pinned under /sys/fs/bpf/frameloop/:"
                        + " the probes detach, the gamer scheduler unregisters (unless a running record still holds"
                        + " them), and what the rings held but no record read is gone. Needs root."},
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
            int removed = pins.unpinAll();
            out.println(removed == 0 ? "nothing pinned in " + pins.root() : "removed " + removed + " pins from " + pins.root());
        } catch (java.io.UncheckedIOException e) {
            throw new dev.frameloop.collector.cli.UserFacingException(ExitCodes.IO_ERROR, e.getMessage(), e);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
