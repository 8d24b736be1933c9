package dev.frameloop.core.dataset.storage;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.io.InputFile;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The file system a dataset lives on, addressed by paths relative to the dataset root with
 * {@code /} separators. Two implementations: {@link LocalStorage} (java.nio, the default for
 * plain paths and {@code file:} URIs) and {@link HadoopStorage} (any Hadoop FileSystem URI:
 * {@code hdfs://}, {@code s3a://}… where its jars are on the classpath).
 *
 * <p>What the dataset relies on: a new file's bytes are durable when its stream is closed
 * ({@code fsync}/{@code hsync}); {@link #rename} never overwrites and, where the file system
 * can, is atomic and durable; {@link #replace} swaps a small file's content atomically where
 * the file system can (local, HDFS), else as closely as it can (object stores).
 */
public interface DatasetStorage {

    /** The dataset root, as a URI (for messages and the manifest). */
    URI root();

    /**
     * A new file at {@code path} (parent folders are created). Its stream fails if the file
     * already exists, and makes the bytes durable when closed.
     */
    NewFile newFile(String path) throws IOException;

    /** A Parquet input over an existing file. */
    InputFile inputFile(String path) throws IOException;

    /** Whether a file or folder exists at {@code path}. */
    boolean exists(String path) throws IOException;

    /**
     * Creates the folder {@code path} (and its parents) and reports whether this call created
     * it. On the local file system the last step is atomic, so of two writers creating the
     * same folder exactly one gets {@code true}.
     */
    boolean createDirectory(String path) throws IOException;

    /**
     * Renames a file or folder; the parent of {@code to} is created if needed.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code to} exists
     */
    void rename(String from, String to) throws IOException;

    /** Deletes a file (not a folder); no error if it is already gone. */
    void delete(String path) throws IOException;

    /**
     * The entries of a folder, sorted by name.
     *
     * @throws java.nio.file.NoSuchFileException if the folder does not exist
     */
    List<StorageEntry> list(String dir) throws IOException;

    /** Size of a file in bytes. */
    long size(String path) throws IOException;

    /** The whole content of a (small) file. */
    byte[] read(String path) throws IOException;

    /**
     * Replaces the content of {@code path} with {@code content}: written to {@code tempPath},
     * made durable, then renamed over {@code path}.
     */
    void replace(String path, String tempPath, byte[] content) throws IOException;

    /**
     * Takes the lock file {@code path} (creating it), unless another holder has it.
     *
     * @return the lock, or empty if another process (or another writer in this one) holds it;
     *         storages that cannot lock return a non-{@linkplain StorageLock#exclusive() exclusive} lock
     */
    java.util.Optional<StorageLock> tryLock(String path) throws IOException;

    /**
     * Whether {@link #tryLock} excludes other processes: if so, a session whose lock is free (or
     * missing) has no live recorder.
     */
    boolean locksExclude();

    /** The full location of {@code path}, for messages. */
    default String describe(String path) {
        String root = root().toString();
        return root.endsWith("/") ? root + path : root + "/" + path;
    }

    /**
     * Opens the storage for a location given by a user: a plain path or a {@code file:} URI →
     * {@link LocalStorage}; any other URI scheme → {@link HadoopStorage} with a default
     * Hadoop {@link Configuration}.
     *
     * @throws IllegalArgumentException if {@code location} is not a valid path or URI
     * @throws IOException              if no Hadoop FileSystem serves the scheme
     */
    static DatasetStorage open(String location) throws IOException {
        if (!hasScheme(location)) {
            return new LocalStorage(Path.of(location));
        }
        URI uri = parseUri(location);
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return new LocalStorage(Path.of(uri));
        }
        return HadoopStorage.open(uri, new Configuration());
    }

    private static boolean hasScheme(String location) {
        return Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:").matcher(location).find();
    }

    private static URI parseUri(String location) {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URI: '" + location + "': " + e.getMessage(), e);
        }
    }
}
