package dev.frameloop.core.dataset.storage;

import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A new local file for Parquet: a buffered stream over a {@link FileChannel} that
 * {@code fsync}s on close. {@link #abort} closes the channel without syncing.
 */
final class LocalNewFile implements NewFile {
    static final int BUFFER_BYTES = 256 * 1024;

    private final Path path;
    private SyncingStream stream;

    LocalNewFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private PositionOutputStream open(StandardOpenOption... options) throws IOException {
        if (stream != null) {
            throw new IllegalStateException(path + " is already open");
        }
        StandardOpenOption[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = StandardOpenOption.WRITE;
        stream = new SyncingStream(FileChannel.open(path, all));
        return stream;
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
        if (stream != null) {
            stream.abort();
        }
    }

    @Override
    public long bytesWritten() {
        return stream == null ? 0 : stream.getPos();
    }

    /** Buffered writes to a channel; {@code close} writes the rest, forces it to disk, closes. */
    private static final class SyncingStream extends PositionOutputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private long position;
        private boolean closed;

        SyncingStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
            position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ensureOpen();
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length >= buffer.capacity()) {
                drain();
                writeFully(ByteBuffer.wrap(bytes, offset, length));
            } else {
                if (length > buffer.remaining()) {
                    drain();
                }
                buffer.put(bytes, offset, length);
            }
            position += length;
        }

        @Override
        public void flush() throws IOException {
            ensureOpen();
            drain();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            try {
                drain();
                channel.force(true);
            } finally {
                closed = true;
                channel.close();
            }
        }

        void abort() throws IOException {
            if (!closed) {
                closed = true;
                channel.close();
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            try {
                writeFully(buffer);
            } finally {
                buffer.clear();
            }
        }

        private void writeFully(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
        }
    }
}
