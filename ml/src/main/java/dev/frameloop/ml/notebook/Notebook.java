package dev.frameloop.ml.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What a notebook knows about the run that executes it. */
public final class Notebook {
    /** The environment variable {@code frameloop notebook run --data DIR} sets for the kernel. */
    public static final String DATA_DIR_ENV = "FRAMELOOP_DATA";

    private Notebook() {
    }

    /**
     * The data directory the notebook analyses ({@code frameloop notebook run --data DIR}, or
     * {@value #DATA_DIR_ENV} in the environment that started Jupyter).
     *
     * @throws IllegalStateException when none was given or it is not a directory
     */
    public static Path dataDir() {
        return dataDir(System.getenv());
    }

    static Path dataDir(Map<String, String> env) {
        String dir = env.get(DATA_DIR_ENV);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("no data directory: run the notebook with `frameloop notebook run NOTEBOOK --data DIR`"
                    + " or set " + DATA_DIR_ENV + " before starting Jupyter");
        }
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("data directory " + path + " does not exist or is not a directory (" + DATA_DIR_ENV + ")");
        }
        return path;
    }
}
