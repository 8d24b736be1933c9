package dev.frameloop.core.dataset.storage;

import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset on the local file system, through java.nio: files are {@code fsync}ed when their
 * stream closes, and renames are atomic and followed by an {@code fsync} of the parent folder so
 * that they survive a power loss. No Hadoop class is involved (and no {@code .crc} side files).
 */
public final class LocalStorage implements DatasetStorage {
    private final Path root;

    /** Storage rooted at {@code root} (which need not exist yet). */
    public LocalStorage(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The root folder. */
    public Path rootPath() {
        return root;
    }

    /** The absolute local path of {@code path}. */
    public Path resolve(String path) {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the dataset root: '" + path + "'");
        }
        return resolved;
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
        Files.createDirectories(file.getParent());
        return new LocalNewFile(file);
    }

    @Override
    public InputFile inputFile(String path) throws IOException {
        Path file = resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        return new LocalInputFile(file);
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean createDirectory(String path) throws IOException {
        Path dir = resolve(path);
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
        syncDirectory(dir.getParent());
        return true;
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Path source = resolve(from);
        Path target = resolve(to);
        Files.createDirectories(target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), source.toString(), "rename target exists");
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        if (!source.getParent().equals(target.getParent())) {
            syncDirectory(source.getParent());
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(resolve(path));
    }

    @Override
    public List<StorageEntry> list(String dir) throws IOException {
        List<StorageEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(resolve(dir))) {
            for (Path entry : stream) {
                BasicFileAttributes attributes =
                        Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.add(new StorageEntry(entry.getFileName().toString(), attributes.isDirectory(),
                        attributes.isDirectory() ? 0 : attributes.size()));
            }
        }
        entries.sort(Comparator.comparing(StorageEntry::name));
        return entries;
    }

    @Override
    public long size(String path) throws IOException {
        return Files.size(resolve(path));
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(resolve(path));
    }

    @Override
    public void replace(String path, String tempPath, byte[] content) throws IOException {
        Path target = resolve(path);
        Path temp = resolve(tempPath);
        Files.createDirectories(target.getParent());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    @Override
    public Optional<StorageLock> tryLock(String path) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new StorageLock() {
            @Override
            public boolean exclusive() {
                return true;
            }

            @Override
            public void release() throws IOException {
                channel.close();
            }

            @Override
            public void close() throws IOException {
                try {
                    Files.deleteIfExists(file);
                } finally {
                    channel.close();
                }
            }
        });
    }

    @Override
    public boolean locksExclude() {
        return true;
    }

    @Override
    public String toString() {
        return "LocalStorage[" + root + "]";
    }

    /** Makes a folder's entries (creations, renames) durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
