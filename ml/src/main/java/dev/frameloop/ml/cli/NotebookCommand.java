package dev.frameloop.ml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code frameloop notebook}: the Java Jupyter kernel and headless notebook runs. */
@Command(name = "notebook",
        mixinStandardHelpOptions = true,
        description = {
                "Java notebooks: install the Jupyter kernel, run a notebook headless.",
                "",
                "The kernel evaluates cells with JShell, with frameloop's classes importable; Tablesaw tables show as HTML,"
                        + " XChart charts and images as PNG, errors name the cell line.",
                ""},
        subcommands = {
                NotebookInstallKernelCommand.class,
                NotebookRunCommand.class,
                NotebookKernelCommand.class,
        })
public final class NotebookCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
