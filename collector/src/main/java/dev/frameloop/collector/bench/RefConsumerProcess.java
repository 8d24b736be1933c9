package dev.frameloop.collector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code ringbuf_ref} reading the pinned benchmark ring with libbpf. Speaks its
 * line protocol (see {@code bpf/tools/ringbuf_ref.c}): {@code drain N}, {@code poll N TIMEOUT FILE},
 * {@code quit}. One caller thread.
 */
final class RefConsumerProcess implements AutoCloseable {
    /** A drain: records consumed, wall and CPU time of the consume loop, sequence gaps. */
    record Drain(long records, long nanos, long cpuNanos, long orderErrors) {
    }

    /** A poll run: records, wall and CPU time of the poll loop, sequence gaps, and each record's latency in ns. */
    record Poll(long records, long nanos, long cpuNanos, long orderErrors, long[] latenciesNs) {
    }

    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private final StringBuffer stderr = new StringBuffer();

    private RefConsumerProcess(Process process) {
        this.process = process;
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread errors = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    stderr.append(line).append('\n');
                }
            } catch (IOException e) {
                stderr.append("(reading stderr failed: ").append(e.getMessage()).append(")\n");
            }
        }, "ringbuf_ref-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /** Starts the tool on the ring pinned at {@code pinnedRing} and waits until it is ready. */
    static RefConsumerProcess start(Path tool, Path pinnedRing) {
        Process process;
        try {
            process = new ProcessBuilder(tool.toString(), pinnedRing.toString()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the reference consumer " + tool + ": " + e.getMessage(), e);
        }
        RefConsumerProcess ref = new RefConsumerProcess(process);
        try {
            ref.expect("ready");
        } catch (RuntimeException e) {
            ref.close();
            throw e;
        }
        return ref;
    }

    /** The tool's process id (its only thread's id). */
    long pid() {
        return process.pid();
    }

    /** Consumes with ring_buffer__consume until {@code records} were seen. */
    Drain drain(long records) {
        send("drain " + records);
        Map<String, Long> f = fields(expect("drained"));
        return new Drain(f.get("records"), f.get("ns"), f.get("cpu_ns"), f.get("order_errors"));
    }

    /** Starts a poll run; returns once the tool is in its ring_buffer__poll loop. */
    void startPoll(long records, int idleTimeoutMs, Path latencyFile) {
        send("poll " + records + " " + idleTimeoutMs + " " + latencyFile);
        expect("polling");
    }

    /** Waits for the poll run started by {@link #startPoll} and reads its latencies. */
    Poll awaitPoll(Path latencyFile) {
        Map<String, Long> f = fields(expect("polled"));
        long records = f.get("records");
        long[] latencies;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(latencyFile)).order(ByteOrder.nativeOrder());
            latencies = new long[bytes.remaining() / Long.BYTES];
            bytes.asLongBuffer().get(latencies);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the reference consumer's latencies " + latencyFile, e);
        }
        if (latencies.length != records) {
            throw new IllegalStateException("the reference consumer reported " + records + " records but wrote "
                    + latencies.length + " latencies");
        }
        return new Poll(records, f.get("ns"), f.get("cpu_ns"), f.get("order_errors"), latencies);
    }

    private void send(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the reference consumer stopped listening (" + e.getMessage() + ")" + stderrTail(), e);
        }
    }

    private String expect(String keyword) {
        String line;
        try {
            line = answers.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the reference consumer's answer", e);
        }
        if (line == null) {
            throw new IllegalStateException("the reference consumer exited while we waited for '" + keyword + "'" + stderrTail());
        }
        if (!line.equals(keyword) && !line.startsWith(keyword + " ")) {
            throw new IllegalStateException("the reference consumer answered '" + line + "' instead of '" + keyword + "'"
                    + stderrTail());
        }
        return line;
    }

    private String stderrTail() {
        String text = stderr.toString().strip();
        return text.isEmpty() ? "" : "; its stderr: " + text;
    }

    /** {@code drained records=5 ns=10} → {records=5, ns=10}. */
    static Map<String, Long> fields(String line) {
        Map<String, Long> fields = new HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        return fields;
    }

    /** Asks the tool to quit and waits for it (kills it after 5 s). */
    @Override
    public void close() {
        try {
            commands.write("quit\n");
            commands.flush();
        } catch (IOException e) {
            // already gone: waitFor below reports nothing more useful
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
