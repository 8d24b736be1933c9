package dev.frameloop.core.dataset.storage;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset on any Hadoop FileSystem ({@code hdfs://}, {@code s3a://}, {@code file://}…).
 * New files are {@code hsync}ed on close where the stream supports it ({@code hflush}ed
 * otherwise). {@link #rename} is the file system's rename: atomic on HDFS and local disks, a
 * copy on object stores (where a half-copied file is never listed under its final name either,
 * because the object store publishes an object only when its upload completes).
 *
 * <p>For {@code file:} URIs this class uses Hadoop's raw local file system (no {@code .crc}
 * side files); {@link LocalStorage} is the default for local paths.
 */
public final class HadoopStorage implements DatasetStorage {
    private final FileSystem fileSystem;
    private final Configuration conf;
    private final Path root;

    private HadoopStorage(FileSystem fileSystem, Configuration conf, Path root) {
        this.fileSystem = fileSystem;
        this.conf = conf;
        this.root = root;
    }

    /**
     * Storage rooted at {@code root}.
     *
     * @throws IOException if no FileSystem implementation serves the URI's scheme (its jars
     *                     are missing), with a message saying so
     */
    public static HadoopStorage open(URI root, Configuration conf) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(conf, "conf");
        FileSystem fileSystem;
        try {
            fileSystem = FileSystem.get(root, conf);
        } catch (UnsupportedFileSystemException e) {
            throw new IOException("no Hadoop FileSystem for '" + root.getScheme() + ":' URIs on the classpath (" + root
                    + "): add the jar that provides it (e.g. hadoop-aws for s3a:, hadoop-hdfs-client for hdfs:)", e);
        }
        if ("file".equals(fileSystem.getScheme()) && fileSystem instanceof org.apache.hadoop.fs.LocalFileSystem local) {
            fileSystem = local.getRawFileSystem();
        }
        return new HadoopStorage(fileSystem, conf, fileSystem.makeQualified(new Path(root)));
    }

    private Path resolve(String path) {
        if (path.isEmpty()) {
            return root;
        }
        if (path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("path must be relative to the dataset root: '" + path + "'");
        }
        return new Path(root, path);
    }

    @Override
    public URI root() {
        return root.toUri();
    }

    @Override
    public String describe(String path) {
        return resolve(path).toString();
    }

    @Override
    public NewFile newFile(String path) throws IOException {
        Path file = resolve(path);
        fileSystem.mkdirs(file.getParent());
        return new HadoopNewFile(fileSystem, file);
    }

    @Override
    public InputFile inputFile(String path) throws IOException {
        try {
            return HadoopInputFile.fromPath(resolve(path), conf);
        } catch (FileNotFoundException e) {
            throw noSuchFile(path, e);
        }
    }

    @Override
    public boolean exists(String path) throws IOException {
        return fileSystem.exists(resolve(path));
    }

    @Override
    public boolean createDirectory(String path) throws IOException {
        Path dir = resolve(path);
        if (fileSystem.exists(dir)) {
            return false;
        }
        if (!fileSystem.mkdirs(dir)) {
            throw new IOException("could not create " + dir);
        }
        return true;
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Path source = resolve(from);
        Path target = resolve(to);
        if (fileSystem.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), source.toString(), "rename target exists");
        }
        fileSystem.mkdirs(target.getParent());
        if (!fileSystem.rename(source, target)) {
            throw new IOException("could not rename " + source + " to " + target);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Path file = resolve(path);
        if (fileSystem.exists(file) && fileSystem.getFileStatus(file).isDirectory()) {
            throw new IOException(file + " is a folder; delete removes files only");
        }
        fileSystem.delete(file, false);
    }

    @Override
    public List<StorageEntry> list(String dir) throws IOException {
        FileStatus[] statuses;
        try {
            statuses = fileSystem.listStatus(resolve(dir));
        } catch (FileNotFoundException e) {
            throw noSuchFile(dir, e);
        }
        List<StorageEntry> entries = new ArrayList<>(statuses.length);
        for (FileStatus status : statuses) {
            entries.add(new StorageEntry(status.getPath().getName(), status.isDirectory(),
                    status.isDirectory() ? 0 : status.getLen()));
        }
        entries.sort(Comparator.comparing(StorageEntry::name));
        return entries;
    }

    @Override
    public long size(String path) throws IOException {
        try {
            return fileSystem.getFileStatus(resolve(path)).getLen();
        } catch (FileNotFoundException e) {
            throw noSuchFile(path, e);
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        Path file = resolve(path);
        try (var in = fileSystem.open(file)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            throw noSuchFile(path, e);
        }
    }

    @Override
    public void replace(String path, String tempPath, byte[] content) throws IOException {
        Path target = resolve(path);
        Path temp = resolve(tempPath);
        fileSystem.mkdirs(target.getParent());
        try (FSDataOutputStream out = fileSystem.create(temp, true)) {
            out.write(content);
            sync(out);
        }
        FileContext context = FileContext.getFileContext(fileSystem.getUri(), conf);
        context.rename(temp, target, Options.Rename.OVERWRITE);
    }

    /** Hadoop file systems have no advisory locks: the lock file is written and deleted, excluding nobody. */
    @Override
    public Optional<StorageLock> tryLock(String path) throws IOException {
        Path file = resolve(path);
        if (!fileSystem.exists(file)) {
            try (FSDataOutputStream out = fileSystem.create(file, true)) {
                sync(out);
            }
        }
        return Optional.of(new StorageLock() {
            @Override
            public boolean exclusive() {
                return false;
            }

            @Override
            public void release() {
                // nothing is held
            }

            @Override
            public void close() throws IOException {
                fileSystem.delete(file, false);
            }
        });
    }

    @Override
    public boolean locksExclude() {
        return false;
    }

    @Override
    public String toString() {
        return "HadoopStorage[" + root + "]";
    }

    private NoSuchFileException noSuchFile(String path, FileNotFoundException cause) {
        NoSuchFileException e = new NoSuchFileException(describe(path));
        e.initCause(cause);
        return e;
    }

    static void sync(FSDataOutputStream out) throws IOException {
        if (out.hasCapability(StreamCapabilities.HSYNC)) {
            out.hsync();
        } else {
            out.hflush();
        }
    }

    /** A new file on a Hadoop FileSystem; the stream {@code hsync}s before it closes. */
    private static final class HadoopNewFile implements NewFile {
        private final FileSystem fileSystem;
        private final Path path;
        private FSDataOutputStream out;
        private boolean closed;

        HadoopNewFile(FileSystem fileSystem, Path path) {
            this.fileSystem = fileSystem;
            this.path = path;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return open(false);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            return open(true);
        }

        private PositionOutputStream open(boolean overwrite) throws IOException {
            if (out != null) {
                throw new IllegalStateException(path + " is already open");
            }
            if (!overwrite && fileSystem.exists(path)) {
                throw new FileAlreadyExistsException(path.toString());
            }
            out = fileSystem.create(path, overwrite, LocalNewFile.BUFFER_BYTES);
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return out.getPos();
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    try {
                        sync(out);
                    } finally {
                        closed = true;
                        out.close();
                    }
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return path.toString();
        }

        @Override
        public void abort() throws IOException {
            if (out != null && !closed) {
                closed = true;
                out.close();
            }
        }

        @Override
        public long bytesWritten() {
            return out == null ? 0 : out.getPos();
        }
    }
}
