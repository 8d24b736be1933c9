package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The host end of one guest output port: listens on a Unix socket that qemu connects to at start, and
 * copies every byte the guest writes to {@code sink} as it arrives, binary-safe, until qemu exits.
 */
final class OutputPump implements AutoCloseable {
    private final ServerSocketChannel server;
    private final OutputStream sink;
    private final Thread thread;
    private volatile SocketChannel connection;
    private volatile IOException failure;

    private OutputPump(ServerSocketChannel server, OutputStream sink, String name) {
        this.server = server;
        this.sink = sink;
        this.thread = new Thread(this::pump, name);
        this.thread.setDaemon(true);
    }

    static OutputPump listen(Path socket, OutputStream sink, String name) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        OutputPump pump = new OutputPump(server, sink, name);
        pump.thread.start();
        return pump;
    }

    private void pump() {
        try (SocketChannel channel = server.accept(); InputStream in = Channels.newInputStream(channel)) {
            connection = channel;
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sink.write(buffer, 0, n);
                sink.flush();
            }
        } catch (AsynchronousCloseException e) {
            // close() ended the wait: qemu never connected (it failed to start) or was stopped
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Waits until qemu has closed its end and every byte is copied, at most {@code limit}. */
    void awaitEnd(Duration limit) throws InterruptedException {
        thread.join(limit.toMillis());
        if (failure != null) {
            throw new UncheckedIOException("cannot copy the guest's output", failure);
        }
    }

    /** Stops listening; waits a little for a copy still draining, then cuts the connection. */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SocketChannel open = connection;
        if (open != null && thread.isAlive()) {
            open.close();
        }
    }
}
