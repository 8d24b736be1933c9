package dev.frameloop.ml.cli;

import dev.frameloop.ml.notebook.Jupyter;
import dev.frameloop.ml.notebook.KernelSpec;
import dev.frameloop.ml.notebook.KernelSpecInstaller;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop notebook install-kernel}: writes the kernelspec that starts this build's kernel. */
@Command(name = "install-kernel",
        mixinStandardHelpOptions = true,
        description = {
                "Installs the frameloop Java kernel for Jupyter.",
                "",
                "Writes a kernelspec whose kernel.json runs `java -jar <this frameloop.jar> notebook kernel {connection_file}`"
                        + " with the Java running now: through `jupyter kernelspec install` when it is on PATH, else straight into"
                        + " Jupyter's data directory. Replaces a kernelspec of the same name.",
                ""})
public final class NotebookInstallKernelCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = true)
    Where where;

    static final class Where {
        @Option(names = "--user", description = "Install for the current user (~/.local/share/jupyter/kernels). The default.")
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Install under DIR/share/jupyter/kernels, e.g. a virtualenv or /usr/local.")
        Path prefix;
    }

    @Option(names = "--name", paramLabel = "NAME", defaultValue = KernelSpec.DEFAULT_NAME,
            description = "Kernelspec name, the one notebooks select (letters, digits, '.', '_', '-'). Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--display-name", paramLabel = "TEXT", defaultValue = KernelSpec.DEFAULT_DISPLAY_NAME,
            description = "Name shown in Jupyter's kernel list. Default: ${DEFAULT-VALUE}.")
    String displayName;

    @Override
    public Integer call() throws Exception {
        KernelSpec kernelSpec;
        try {
            kernelSpec = KernelSpec.forThisBuild(name).withDisplayName(displayName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<Path> prefix = where == null ? Optional.empty() : Optional.ofNullable(where.prefix);
        Optional<Path> kernelspecCommand = Jupyter.onPath("jupyter-kernelspec", System.getenv());
        Path dir = new KernelSpecInstaller(System.getenv(), kernelspecCommand).install(kernelSpec, prefix);
        spec.commandLine().getOut().printf("installed kernel '%s' (%s) in %s%n", kernelSpec.name(), kernelSpec.displayName(), dir);
        if (Jupyter.find(System.getenv()).isEmpty()) {
            spec.commandLine().getOut().println("note: " + Jupyter.MISSING + "; Jupyter finds the kernel there once installed");
        }
        return 0;
    }
}
