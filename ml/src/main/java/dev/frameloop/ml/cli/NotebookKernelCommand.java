package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.ml.notebook.NotebookKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code frameloop notebook kernel CONNECTION_FILE}: the kernel process Jupyter starts (hidden). */
@Command(name = "kernel",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Runs the Java kernel on the Jupyter connection described by CONNECTION_FILE, until Jupyter shuts it down.")
public final class NotebookKernelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter wrote for this kernel.")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(connectionFile)) {
            throw new UserFacingException(ExitCodes.USAGE, "connection file " + connectionFile + " does not exist");
        }
        NotebookKernel.serve(connectionFile);
        return ExitCodes.OK;
    }
}
