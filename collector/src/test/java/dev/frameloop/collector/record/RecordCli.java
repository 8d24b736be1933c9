package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.UserFacingException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs a command as the frameloop CLI does (a {@link UserFacingException} becomes its exit code and
 * message), capturing stdout and stderr; {@link #main} runs {@code record} in a child JVM for the
 * tests that signal it.
 */
final class RecordCli {
    private RecordCli() {
    }

    record Run(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = configure(new CommandLine(command));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserFacingException u) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + u.getMessage());
                cmd.getErr().flush();
                return u.exitCode();
            }
            throw e;
        });
        return cli;
    }

    /** {@code frameloop record ARGS} in this JVM, exiting with its code (for child JVMs). */
    public static void main(String[] args) {
        CommandLine cli = configure(new CommandLine(new RecordCommand()));
        System.exit(cli.execute(args));
    }
}
