package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.ml.notebook.KernelSpec;
import dev.frameloop.ml.notebook.NotebookRunner;
import dev.frameloop.collector.cli.DurationConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop notebook run}: executes a notebook headless and fails on the first cell error. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Executes a notebook headless and fails on the first cell error.",
                "",
                "Runs NOTEBOOK cell by cell with Debian's Jupyter (nbclient) and this build's frameloop kernel."
                        + " At the first cell error it stops, prints that cell's error with the cell line, and exits non-zero."
                        + " The notebook file is never modified; --out keeps the executed copy, outputs included.",
                "The data directory reaches the notebook as Notebook.dataDir() (environment variable FRAMELOOP_DATA).",
                "Exit codes: 0 every cell ran; 1 a cell failed or the kernel died; 2 bad arguments or not a notebook;"
                        + " 3 Jupyter is not installed; 4 a file could not be read; 124 a cell ran past --timeout.",
                ""})
public final class NotebookRunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The .ipynb file to execute.")
    Path notebook;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory the notebook analyses (a session or dataset folder).")
    Path data;

    @Option(names = "--out", paramLabel = "OUT.ipynb", description = "Write the executed notebook, with its outputs, here (also when a cell fails).")
    Path out;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10m", converter = DurationConverter.class,
            description = "Longest time one cell may run (e.g. 30s, 10m). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = KernelSpec.DEFAULT_NAME,
            description = "Kernelspec name; used as installed when it starts this build, else a temporary one is. Default: ${DEFAULT-VALUE}.")
    String kernel;

    @Override
    public Integer call() throws Exception {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive, got " + timeout);
        }
        NotebookRunner.Result result = new NotebookRunner(System.getenv()).run(new NotebookRunner.Request(
                notebook, Optional.ofNullable(data), Optional.ofNullable(out), timeout, kernel));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String took = String.format(Locale.ROOT, "%.1f s", result.elapsed().toMillis() / 1000.0);
        switch (result.status()) {
            case OK -> {
                stdout.printf("%s: %d of %d code cells ran without error in %s%s%n", notebook, result.executedCells(), result.codeCells(),
                        took, out == null ? "" : "; executed notebook: " + out);
                stdout.flush();
                return ExitCodes.OK;
            }
            case CELL_ERROR -> {
                NotebookRunner.CellFailure f = result.failure().orElseThrow(() ->
                        new UserFacingException(ExitCodes.FAILURE, "a cell failed but the executed notebook holds no error output"));
                err.printf("%s: cell %d%s failed:%n", notebook, f.index() + 1,
                        f.executionCount().map(n -> " (In [" + n + "])").orElse(""));
                f.traceback().forEach(l -> err.println("  " + l));
                err.flush();
                throw new UserFacingException(ExitCodes.FAILURE, "cell " + (f.index() + 1) + " failed: " + f.value()
                        + (out == null ? "" : " (executed notebook: " + out + ")"));
            }
            case TIMEOUT -> throw new UserFacingException(ExitCodes.TIMEOUT, "cell "
                    + result.failedCell().map(i -> Integer.toString(i + 1)).orElse("?") + " ran longer than --timeout " + DurationConverter.format(timeout)
                    + "; raise --timeout or make the cell faster");
            default -> {
                err.println(tail(result.log(), 30));
                err.flush();
                throw new UserFacingException(ExitCodes.FAILURE, "the notebook did not run: " + result.message()
                        + " (the kernel's and Jupyter's output is above)");
            }
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
