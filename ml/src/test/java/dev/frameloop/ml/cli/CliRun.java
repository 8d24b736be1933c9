package dev.frameloop.ml.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code frameloop} command line in this JVM, with what it printed and its exit code. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int exitCode;

    CliRun(String... args) {
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        exitCode = cli.execute(args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
    }
}
