package dev.frameloop.collector.vm;

import java.nio.file.Path;
import java.util.function.Consumer;

/** A last-resort source of a guest kernel that downloads one into the cache. */
interface KernelFetcher {

    /** What this fetcher fetches, for messages ("Debian unstable's linux-image-amd64"). */
    String description();

    /**
     * Fetches the current kernel into a new folder under {@code kernelsDir} (reusing one already there for
     * the same release) and returns it.
     *
     * @param progress receives one-line notes on slow steps, for the user
     */
    KernelDir fetch(Path kernelsDir, Consumer<String> progress) throws KernelFetchException;

    /** A fetch that did not work; the message says why in one line. */
    final class KernelFetchException extends Exception {
        private static final long serialVersionUID = 1L;

        KernelFetchException(String message) {
            super(message);
        }

        KernelFetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
