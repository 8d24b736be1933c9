package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RingSize;
import dev.frameloop.collector.ring.RingSizes;
import dev.frameloop.collector.ring.RingStream;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * libbpf's own wakeup latency, for benchmarks that report theirs beside it: {@code bench.bpf.c}'s
 * producer paced at a rate into its ring (adaptive wakeup), read by {@code ringbuf_ref} in
 * {@code ring_buffer__poll} (its only thread sleeping in epoll), latency from the producer's
 * {@code bpf_ktime_get_ns()} to the C callback. Owns the object, its pinned ring, the tool and its
 * process; one caller thread.
 */
public final class LibbpfWakeupReference implements AutoCloseable {
    private static final Path BPFFS = Path.of("/sys/fs/bpf");
    private static final int RECORD_SIZE = BenchProducer.MIN_RECORD_SIZE;

    private final BpfObject object;
    private final KernelRings rings;
    private final BenchProducer producer;
    private final RefConsumerTool tool;
    private final RefConsumerProcess process;
    private final Path pinDir;
    private final Path work;
    private long nextSeq;

    private LibbpfWakeupReference(BpfObject object, KernelRings rings, BenchProducer producer, RefConsumerTool tool,
                                  RefConsumerProcess process, Path pinDir, Path work) {
        this.object = object;
        this.rings = rings;
        this.producer = producer;
        this.tool = tool;
        this.process = process;
        this.pinDir = pinDir;
        this.work = work;
    }

    /**
     * Loads the producer, pins its ring and starts the reference consumer on it.
     *
     * @param refConsumer the ringbuf_ref to use; empty: the jar's, else the checkout's
     */
    public static LibbpfWakeupReference open(Optional<Path> refConsumer) {
        Path pinDir = BPFFS.resolve("frameloop-bench-ref-" + ProcessHandle.current().pid());
        BpfObject object = BpfObject.openResource("bench");
        KernelRings rings = null;
        BenchProducer producer = null;
        RefConsumerTool tool = null;
        try {
            RingSizes sizes = RingSizes.defaults()
                    .with(RingStream.BENCH, RingSize.single(RingSize.MIN_BYTES * 4))
                    .with(RingStream.BENCH_SET, RingSize.set(1, RingSize.MIN_BYTES));
            var plan = KernelRings.configure(object, sizes);
            object.load();
            rings = plan.open();
            producer = new BenchProducer(object, BenchProducer.SINGLE_RING_PROGRAM);
            tool = RefConsumerTool.locate(refConsumer);
            Path pinned = pinBenchRing(object, pinDir);
            Path work = Files.createTempDirectory("frameloop-libbpf-ref-");
            RefConsumerProcess process = RefConsumerProcess.start(tool.path(), pinned);
            return new LibbpfWakeupReference(object, rings, producer, tool, process, pinDir, work);
        } catch (IOException e) {
            closeAll(producer, rings, tool, object);
            delete(pinDir);
            throw new UncheckedIOException("creating a temporary folder for the reference consumer", e);
        } catch (RuntimeException e) {
            closeAll(producer, rings, tool, object);
            delete(pinDir);
            throw e;
        }
    }

    /** The reference consumer's process id, e.g. to pin it to a CPU. */
    public long pid() {
        return process.pid();
    }

    /**
     * Paces {@code records} records at {@code rate} per second from the calling thread while the C consumer
     * polls; adds each latency after the first {@code warmup} to {@code histogram} (ns).
     *
     * @return records the C consumer read; the caller compares it with {@code records}
     */
    public long measure(long rate, long records, long warmup, Histogram histogram) {
        Path file = work.resolve("latencies.bin");
        process.startPoll(records, 2000, file);
        Pacer.run(seq -> producer.emit(1, seq, RECORD_SIZE, BenchWakeup.ADAPTIVE) == 1, records, nextSeq, rate);
        nextSeq += records;
        RefConsumerProcess.Poll poll = process.awaitPoll(file);
        if (poll.orderErrors() != 0) {
            throw new IllegalStateException("libbpf read " + poll.orderErrors() + " records out of sequence");
        }
        long[] latencies = poll.latenciesNs();
        for (int i = (int) Math.min(warmup, latencies.length); i < latencies.length; i++) {
            histogram.recordValue(Math.min(Math.max(1, latencies[i]), histogram.getHighestTrackableValue()));
        }
        return poll.records();
    }

    /** Stops the tool and unloads the producer. */
    @Override
    public void close() {
        try {
            process.close();
        } finally {
            closeAll(producer, rings, tool, object);
            delete(pinDir);
            delete(work.resolve("latencies.bin"));
            delete(work);
        }
    }

    /** Pins the bench object's ring under {@code dir} (created), where ringbuf_ref opens it; says how to mount bpffs if it is missing. */
    static Path pinBenchRing(BpfObject object, Path dir) {
        if (!Files.isDirectory(BPFFS)) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, BPFFS + " does not exist: mount bpffs"
                    + " (mount -t bpf bpf /sys/fs/bpf) so the reference consumer can open the ring");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "cannot create " + dir + " (" + e.getMessage()
                    + "): is bpffs mounted on " + BPFFS + "? (mount -t bpf bpf /sys/fs/bpf)");
        }
        Path pinned = dir.resolve(RingStream.BENCH.singleRingName());
        object.map(RingStream.BENCH.singleRingName()).pin(pinned);
        return pinned;
    }

    private static void closeAll(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the libbpf reference: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void delete(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (var children = Files.list(path)) {
                    for (Path child : children.toList()) {
                        Files.deleteIfExists(child);
                    }
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + path, e);
        }
    }
}
