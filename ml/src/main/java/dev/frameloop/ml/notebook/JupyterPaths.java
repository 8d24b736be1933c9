package dev.frameloop.ml.notebook;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jupyter's data directories on Linux, in the order Jupyter searches them for kernelspecs. */
public final class JupyterPaths {
    private final Map<String, String> env;

    public JupyterPaths(Map<String, String> env) {
        this.env = env;
    }

    /** The user's data directory: {@code $JUPYTER_DATA_DIR}, {@code $XDG_DATA_HOME/jupyter} or {@code ~/.local/share/jupyter}. */
    public Path userDataDir() {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jupyter");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "share", "jupyter");
    }

    /** The data directory of a prefix, as {@code jupyter kernelspec install --prefix DIR} uses it. */
    public static Path prefixDataDir(Path prefix) {
        return prefix.resolve("share").resolve("jupyter");
    }

    /** Every data directory, highest priority first: {@code $JUPYTER_PATH}, the user's, then the system's. */
    public List<Path> dataDirs() {
        List<Path> dirs = new ArrayList<>();
        String path = env.get("JUPYTER_PATH");
        if (path != null) {
            for (String p : path.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    dirs.add(Path.of(p));
                }
            }
        }
        dirs.add(userDataDir());
        dirs.add(Path.of("/usr/local/share/jupyter"));
        dirs.add(Path.of("/usr/share/jupyter"));
        return dirs;
    }

    /** The {@code kernel.json} Jupyter would use for {@code name}, if any is installed. */
    public Optional<Path> installedKernelJson(String name) {
        return dataDirs().stream()
                .map(d -> d.resolve("kernels").resolve(name).resolve("kernel.json"))
                .filter(Files::isRegularFile)
                .findFirst();
    }
}
