package dev.frameloop.collector.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code frameloop bench}: the benchmarks; lists its subcommands. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks of frameloop's moving parts on this machine.",
        subcommands = {BenchRingCommand.class, BenchRecordCommand.class, BenchProbesCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
