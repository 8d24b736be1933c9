package dev.frameloop.ml.cli;

import dev.frameloop.collector.bench.BenchCommand;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.doctor.DoctorCommand;
import dev.frameloop.collector.record.FsckCommand;
import dev.frameloop.collector.probe.ProbeCommand;
import dev.frameloop.collector.record.RecordCommand;
import dev.frameloop.collector.record.UnpinCommand;
import dev.frameloop.collector.sched.SchedCommand;
import dev.frameloop.collector.vm.VmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code frameloop} command: the root that lists every subcommand. */
@Command(name = "frameloop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run a sched_ext gaming scheduler, record what it and the kernel see, learn from it, and feed it back.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DoctorCommand.class,
                FsckCommand.class,
                RecordCommand.class,
                UnpinCommand.class,
                SchedCommand.class,
                ProbeCommand.class,
                VmCommand.class,
                NotebookCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                LoopCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                ExperimentCommand.class,
        })
public final class FrameloopMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with the one exception-to-exit-code mapping every command shares.
     * {@code bench predict} and {@code bench loop} join collector's {@code bench} here: they use models, which
     * collector cannot see.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FrameloopMain());
        cli.getSubcommands().get("bench").addSubcommand(new BenchPredictCommand());
        cli.getSubcommands().get("bench").addSubcommand(new BenchLoopCommand());
        cli.setExecutionExceptionHandler(FrameloopMain::handleExecutionException);
        return cli;
    }

    private static int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof UserFacingException u) {
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + u.getMessage());
            err.flush();
            return u.exitCode();
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": unexpected error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILURE;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
