package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.LocalStorage;
import dev.frameloop.core.dataset.storage.NewFile;
import dev.frameloop.core.dataset.storage.StorageEntry;
import dev.frameloop.core.dataset.storage.StorageLock;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Local storage that fails on demand, as a full disk does: new files' streams throw
 * "No space left on device" once the bytes written through them (all files together) pass a
 * budget, or when they are closed; manifest replacement can fail too.
 */
final class FaultyStorage implements DatasetStorage {
    private final LocalStorage local;
    private long byteBudget = Long.MAX_VALUE;
    private boolean failOnClose;
    private boolean failReplace;
    private long bytesWritten;

    FaultyStorage(Path root) {
        this.local = new LocalStorage(root);
    }

    /** From now on, streams fail once this many more bytes have been written. */
    void failAfterBytes(long bytes) {
        byteBudget = bytesWritten + bytes;
    }

    /** From now on, closing a new file's stream fails (after its bytes reached the disk). */
    void failOnClose() {
        failOnClose = true;
    }

    /** From now on, manifest replacement fails. */
    void failReplace() {
        failReplace = true;
    }

    private static IOException diskFull() {
        return new IOException("No space left on device");
    }

    @Override
    public URI root() {
        return local.root();
    }

    @Override
    public NewFile newFile(String path) throws IOException {
        NewFile file = local.newFile(path);
        return new NewFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) throws IOException {
                return wrap(file.create(blockSizeHint));
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
                return wrap(file.createOrOverwrite(blockSizeHint));
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
                return file.getPath();
            }

            @Override
            public void abort() throws IOException {
                file.abort();
            }

            @Override
            public long bytesWritten() {
                return file.bytesWritten();
            }
        };
    }

    private PositionOutputStream wrap(PositionOutputStream out) {
        return new PositionOutputStream() {
            @Override
            public long getPos() throws IOException {
                return out.getPos();
            }

            @Override
            public void write(int b) throws IOException {
                spend(1);
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                spend(length);
                out.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                if (failOnClose) {
                    throw diskFull();
                }
                out.close();
            }
        };
    }

    private void spend(long bytes) throws IOException {
        if (bytesWritten + bytes > byteBudget) {
            throw diskFull();
        }
        bytesWritten += bytes;
    }

    @Override
    public InputFile inputFile(String path) throws IOException {
        return local.inputFile(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return local.exists(path);
    }

    @Override
    public boolean createDirectory(String path) throws IOException {
        return local.createDirectory(path);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        local.rename(from, to);
    }

    @Override
    public void delete(String path) throws IOException {
        local.delete(path);
    }

    @Override
    public List<StorageEntry> list(String dir) throws IOException {
        return local.list(dir);
    }

    @Override
    public long size(String path) throws IOException {
        return local.size(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        return local.read(path);
    }

    @Override
    public void replace(String path, String tempPath, byte[] content) throws IOException {
        if (failReplace) {
            throw diskFull();
        }
        local.replace(path, tempPath, content);
    }

    @Override
    public Optional<StorageLock> tryLock(String path) throws IOException {
        return local.tryLock(path);
    }

    @Override
    public boolean locksExclude() {
        return local.locksExclude();
    }

    @Override
    public String describe(String path) {
        return local.describe(path);
    }
}
