package dev.frameloop.ml.notebook;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs a kernelspec: through {@code jupyter-kernelspec install} when it is on PATH (Debian
 * package jupyter-client), otherwise by writing {@code kernels/<name>/kernel.json} into the
 * data directory Jupyter searches.
 */
public final class KernelSpecInstaller {
    private final Map<String, String> env;
    private final Optional<Path> kernelspecCommand;

    /** @param kernelspecCommand the {@code jupyter-kernelspec} executable, if installed */
    public KernelSpecInstaller(Map<String, String> env, Optional<Path> kernelspecCommand) {
        this.env = env;
        this.kernelspecCommand = kernelspecCommand;
    }

    /**
     * Installs {@code spec} for the user (no prefix) or under {@code prefix}, replacing a spec
     * of the same name.
     *
     * @return the directory that holds the installed {@code kernel.json}
     */
    public Path install(KernelSpec spec, Optional<Path> prefix) throws IOException, InterruptedException {
        Path dataDir = prefix.map(p -> JupyterPaths.prefixDataDir(p.toAbsolutePath()))
                .orElseGet(() -> new JupyterPaths(env).userDataDir());
        Path target = dataDir.resolve("kernels").resolve(spec.name());
        if (kernelspecCommand.isEmpty()) {
            Files.createDirectories(target);
            Files.writeString(target.resolve("kernel.json"), spec.toJson());
            return target;
        }
        Path staging = Files.createTempDirectory("frameloop-kernelspec-");
        try {
            Path source = Files.createDirectories(staging.resolve(spec.name()));
            Files.writeString(source.resolve("kernel.json"), spec.toJson());
            List<String> command = new ArrayList<>(List.of(kernelspecCommand.get().toString(),
                    "install", "--replace", "--name", spec.name()));
            if (prefix.isPresent()) {
                command.add("--prefix");
                command.add(prefix.get().toAbsolutePath().toString());
            } else {
                command.add("--user");
            }
            command.add(source.toString());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new UserFacingException(ExitCodes.FAILURE,
                        "`jupyter-kernelspec install` failed (exit " + rc + "): " + output.strip());
            }
            return target;
        } finally {
            Files.deleteIfExists(staging.resolve(spec.name()).resolve("kernel.json"));
            Files.deleteIfExists(staging.resolve(spec.name()));
            Files.deleteIfExists(staging);
        }
    }
}
