package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.record.Sha256;
import dev.frameloop.collector.record.TickingIdleStrategy;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.KernelRing;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.ring.RingPlan;
import dev.frameloop.collector.ring.RingSize;
import dev.frameloop.collector.ring.RingSizes;
import dev.frameloop.collector.ring.RingStream;
import dev.frameloop.core.dataset.DataFile;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.TableWriter;
import dev.frameloop.core.dataset.bench.AvroReferenceCandidate;
import dev.frameloop.core.dataset.bench.WriterComparison;
import dev.frameloop.core.dataset.bench.WriterCandidate;
import dev.frameloop.core.dataset.bench.WriterMeasurement;
import dev.frameloop.core.dataset.storage.LocalStorage;
import dev.frameloop.core.event.BenchFrameFlyweight;
import dev.frameloop.core.event.BenchFrameLayout;
import dev.frameloop.core.event.BenchFrameValues;
import dev.frameloop.core.ring.RingMemory;
import dev.frameloop.core.ring.RingRegions;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code frameloop bench record}'s measurement. The benchmark producer ({@code bench.bpf.c},
 * {@code BPF_PROG_TEST_RUN} from this thread) commits 40-byte frame-timing records
 * ({@code struct fl_bench_frame}: four longs, two flags) into one ring; the record
 * path reads them on its consumer thread and writes each, from the ring in place, through a
 * session writer (rolling part files, PARQUET_2_0 + SNAPPY, synced and renamed on close) —
 * exactly what {@code frameloop record} does per event. Unpaced, the producer keeps at most half
 * a ring ahead of the reader, so it measures how fast the whole path takes records without
 * dropping any; paced ({@code rate}), it commits at that rate and counts what the ring could
 * not hold. In the same process, parquet-avro alone writes the same records (the first
 * {@value #SAMPLE_MAX} the reader saw) as the reference: unpaced, its rounds alternate with the
 * pipeline's segments, so that a shared machine's load falls on both alike.
 */
final class RecordBenchmark {
    /** Records kept from the run for the reference to write. */
    static final int SAMPLE_MAX = 2_000_000;
    private static final int RECORD_SIZE = BenchFrameLayout.SIZE;
    private static final int RING_BYTES = 16 << 20;
    private static final long MAX_CHUNK = 65_536;
    /** Unpaced runs alternate: pipeline segment, reference round, segment, round, segment (then the last round). */
    private static final int SEGMENTS = 3;
    private static final int REFERENCE_ROUNDS = 3;

    private final Duration duration;
    private final long rate;
    private final PrintWriter err;

    RecordBenchmark(Duration duration, long rate, PrintWriter err) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--seconds must be positive");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must be >= 0, got " + rate);
        }
        this.duration = duration;
        this.rate = rate;
        this.err = err;
    }

    RecordBenchResult run() throws IOException {
        Path work = Files.createTempDirectory("frameloop-bench-record-");
        try {
            return run(work);
        } finally {
            deleteTree(work);
        }
    }

    private RecordBenchResult run(Path work) throws IOException {
        RingSizes sizes = RingSizes.defaults()
                .with(RingStream.BENCH, RingSize.single(RING_BYTES))
                .with(RingStream.BENCH_SET, RingSize.set(1, RingSize.MIN_BYTES));
        try (BpfObject object = BpfObject.openResource("bench")) {
            RingPlan plan = KernelRings.configure(object, sizes);
            object.load();
            String sha = Sha256.hex(object.elfBytes());
            try (KernelRings rings = plan.open();
                 BenchProducer producer = new BenchProducer(object, BenchProducer.FRAME_PROGRAM)) {
                KernelRing ring = rings.rings(RingStream.BENCH).get(0);
                warmUp(work.resolve("warmup"), sha);
                LocalStorage storage = new LocalStorage(work.resolve("dataset"));
                SessionWriter session = SessionWriter.create(storage, SessionId.startingAt(Clock.systemUTC().instant()),
                        SessionInfo.ofThisHost("bench", sha, Map.of(BenchRecordTable.NAME, "bench.bpf.o bench_emit")),
                        SessionWriterOptions.DEFAULT, Clock.systemUTC());
                TableWriter<BenchFrameFlyweight> table = session.table(BenchRecordTable.table());
                Sample sample = new Sample(SAMPLE_MAX);
                BenchFrameFlyweight flyweight = new BenchFrameFlyweight();
                AtomicReference<Throwable> ringError = new AtomicReference<>();
                resetHeapPeaks();
                err.println("bench record: producer -> ring -> Java -> Parquet for " + duration.toSeconds() + " s"
                        + (rate == 0 ? " (as fast as the pipeline takes records)" : " at " + rate + " records/s"));
                err.flush();
                long start = System.nanoTime();
                RingConsumer consumer = RingConsumer.start(List.of(ring), (ringId, buffer, offset, length) -> {
                    sample.add(buffer, offset);
                    table.write(flyweight.wrap(buffer, offset));
                }, (reader, error) -> ringError.compareAndSet(null, error),
                        epoll -> new TickingIdleStrategy(IdleMode.EPOLL.create(epoll), session::tick, 200_000_000L),
                        RingConsumer.DEFAULT_POSITION_STORE_BATCH, RingConsumer.DEFAULT_DRAIN_TIMEOUT,
                        RingConsumer.daemonThreads("bench-record-rings"));
                RingRegions regions = ring.mapped().regions();
                Reference reference = new Reference(sample, work.resolve("reference"));
                long produced = 0;
                long pipelineNs = 0;
                long heapMax = 0;
                long consumerCpuNs;
                try {
                    if (rate == 0) {
                        long segmentNs = duration.toNanos() / SEGMENTS;
                        for (int segment = 0; segment < SEGMENTS; segment++) {
                            long segmentStart = System.nanoTime();
                            produced += produceUnpaced(producer, regions, segmentStart + segmentNs, produced);
                            awaitDrained(regions);
                            pipelineNs += System.nanoTime() - segmentStart;
                            if (segment < SEGMENTS - 1) {
                                heapMax = Math.max(heapMax, heapPeak());
                                reference.round(); // between the pipeline's segments: both see the same machine
                                resetHeapPeaks(); // the reference's own heap is not the pipeline's
                            }
                        }
                    } else {
                        produced = producePaced(producer, start);
                        pipelineNs = System.nanoTime() - start;
                    }
                } finally {
                    consumerCpuNs = threadCpuNs(consumer.thread());
                    long closeStart = System.nanoTime();
                    consumer.close();
                    pipelineNs += System.nanoTime() - closeStart;
                }
                long finishStart = System.nanoTime();
                SessionSummary summary = session.finish("bench done");
                pipelineNs += System.nanoTime() - finishStart;
                heapMax = Math.max(heapMax, heapPeak());
                if (ringError.get() != null) {
                    throw new IllegalStateException("the ring reader failed: " + ringError.get(), ringError.get());
                }
                if (summary.failure().isPresent()) {
                    throw new IOException("writing the session failed: " + summary.failure().get(), summary.failure().get());
                }
                long rows = summary.manifest().totalWritten();
                long bytes = summary.manifest().files().stream().mapToLong(DataFile::bytes).sum();
                long drops = rings.drops().drops(RingStream.BENCH, 0);
                double seconds = pipelineNs / 1e9;
                err.println("bench record: " + rows + " rows in " + String.format("%.1f", seconds)
                        + " s; parquet-avro alone on the same records");
                err.flush();
                while (reference.rounds() < REFERENCE_ROUNDS) {
                    reference.round();
                }
                WriterMeasurement measured = reference.median();
                return new RecordBenchResult(seconds, rate, produced, rows, drops, rows / seconds,
                        measured.rowsPerSecond(), rows / Math.max(1e-9, consumerCpuNs / 1e9),
                        measured.rowsPerCpuSecond(), measured.rowsPerRound(), heapMax,
                        rows == 0 ? 0 : (double) bytes / rows, measured.bytesPerRow(),
                        summary.manifest().files().size());
            }
        }
    }

    /**
     * Writes a throw-away session first, unmeasured: class loading (Hadoop's Configuration parses its
     * XML on the first file), the JIT of the write path.
     */
    private static void warmUp(Path dir, String sha) throws IOException {
        int rows = 500_000;
        ByteBuffer records = ByteBuffer.allocateDirect(1024 * RECORD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 1024; i++) {
            int at = i * RECORD_SIZE;
            records.putLong(at + BenchFrameLayout.SEQ_OFFSET, i);
            records.putLong(at + BenchFrameLayout.TIMESTAMP_NS_OFFSET, 1_000_000L * i);
            records.putLong(at + BenchFrameLayout.FRAME_INTERVAL_NS_OFFSET, BenchFrameValues.frameIntervalNs(i));
            records.putLong(at + BenchFrameLayout.GPU_TO_PRESENT_NS_OFFSET, BenchFrameValues.gpuToPresentNs(i));
            records.put(at + BenchFrameLayout.FRAME_DROPPED_OFFSET, (byte) (BenchFrameValues.frameDropped(i) ? 1 : 0));
            records.put(at + BenchFrameLayout.VSYNC_MISSED_OFFSET, (byte) (BenchFrameValues.vsyncMissed(i) ? 1 : 0));
        }
        SessionWriter session = SessionWriter.create(new LocalStorage(dir), SessionId.startingAt(Clock.systemUTC().instant()),
                SessionInfo.ofThisHost("bench", sha, Map.of()), SessionWriterOptions.DEFAULT, Clock.systemUTC());
        TableWriter<BenchFrameFlyweight> table = session.table(BenchRecordTable.table());
        BenchFrameFlyweight row = new BenchFrameFlyweight();
        for (int i = 0; i < rows; i++) {
            table.write(row.wrap(records, (i % 1024) * RECORD_SIZE));
        }
        SessionSummary summary = session.finish("warm-up done");
        if (summary.failure().isPresent()) {
            throw new IOException("the warm-up session failed: " + summary.failure().get(), summary.failure().get());
        }
    }

    /**
     * Until {@code end}, keeps at most half a ring in flight, by the ring's own positions (acquire
     * loads of the producer and consumer pages): the producer waits for the reader and never drops.
     *
     * @return records emitted, seqs from {@code firstSeq} on
     */
    private static long produceUnpaced(BenchProducer producer, RingRegions ring, long end, long firstSeq) {
        long halfRing = RING_BYTES / 2;
        long recordBytes = RECORD_SIZE + 8;
        long producerPage = RingMemory.addressOf(ring.producerPage());
        long consumerPage = RingMemory.addressOf(ring.consumerPage());
        long emitted = 0;
        while (System.nanoTime() - end < 0) {
            long inFlight = RingMemory.producerPositionAcquire(producerPage)
                    - RingMemory.consumerPositionAcquire(consumerPage);
            long room = (halfRing - inFlight) / recordBytes;
            if (room < 1024) {
                LockSupport.parkNanos(20_000); // leave the CPU to the reader on a small machine
                continue;
            }
            emitted += producer.emit(Math.min(room, MAX_CHUNK), firstSeq + emitted, RECORD_SIZE, BenchWakeup.ADAPTIVE);
        }
        return emitted;
    }

    /** Waits until the reader has consumed everything committed (its consumer_pos store is a release). */
    private static void awaitDrained(RingRegions ring) {
        long producerPage = RingMemory.addressOf(ring.producerPage());
        long consumerPage = RingMemory.addressOf(ring.consumerPage());
        while (RingMemory.consumerPositionAcquire(consumerPage) != RingMemory.producerPositionAcquire(producerPage)) {
            LockSupport.parkNanos(100_000);
        }
    }

    /** Commits what the rate says is due every millisecond; what the ring cannot hold is dropped and counted. */
    private long producePaced(BenchProducer producer, long start) {
        long end = start + duration.toNanos();
        long due = 0;
        long emitted = 0;
        long now;
        while ((now = System.nanoTime()) - end < 0) {
            long target = (long) ((now - start) / 1e9 * rate);
            while (due < target) {
                long count = Math.min(target - due, MAX_CHUNK);
                emitted += producer.emit(count, due, RECORD_SIZE, BenchWakeup.ADAPTIVE);
                due += count;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return emitted;
    }

    /**
     * parquet-avro alone writing the sampled records, a file per round: the first round is fixed
     * on the sample as it is then (checked against the producer's values), unmeasured warm-up
     * before it; the result is the median of the rounds.
     */
    private static final class Reference {
        private final Sample sample;
        private final Path scratch;
        private final List<WriterMeasurement> rounds = new ArrayList<>();
        private WriterCandidate candidate;
        private int sampled;

        Reference(Sample sample, Path scratch) {
            this.sample = sample;
            this.scratch = scratch;
        }

        int rounds() {
            return rounds.size();
        }

        void round() throws IOException {
            boolean first = candidate == null;
            if (first) {
                sampled = sample.size(); // the reader adds beyond this index only: rounds read below it
                if (sampled == 0) {
                    throw new IllegalStateException("the reader saw no records: nothing to compare with");
                }
                sample.verify(sampled);
                BenchFrameFlyweight row = new BenchFrameFlyweight();
                ByteBuffer records = sample.buffer();
                int n = sampled;
                candidate = new AvroReferenceCandidate<>("parquet-avro", BenchRecordTable.SCHEMA,
                        index -> row.wrap(records, (int) (index % n) * RECORD_SIZE), BenchRecordTable::toRecord,
                        CompressionCodecName.SNAPPY);
            }
            rounds.add(new WriterComparison(List.of(candidate), sampled, first ? 1 : 0, 1, scratch).run().get(0));
        }

        WriterMeasurement median() {
            List<WriterMeasurement> byRate = rounds.stream()
                    .sorted(Comparator.comparingDouble(WriterMeasurement::rowsPerSecond)).toList();
            List<WriterMeasurement> byCpu = rounds.stream()
                    .sorted(Comparator.comparingDouble(WriterMeasurement::rowsPerCpuSecond)).toList();
            WriterMeasurement middle = byRate.get(byRate.size() / 2);
            return new WriterMeasurement(middle.name(), middle.rowsPerRound(), rounds.size(), middle.rowsPerSecond(),
                    byCpu.get(byCpu.size() / 2).rowsPerCpuSecond(), middle.bytesPerRow(), middle.allocatedPerRow());
        }
    }

    /** The first records the reader saw, copied (the reader's thread only). */
    private static final class Sample {
        private final ByteBuffer buffer;
        private final int max;
        private int size;

        Sample(int max) {
            this.max = max;
            this.buffer = ByteBuffer.allocateDirect(max * RECORD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        }

        void add(ByteBuffer ring, int offset) {
            if (size < max) {
                buffer.put(size * RECORD_SIZE, ring, offset, RECORD_SIZE);
                size++;
            }
        }

        int size() {
            return size;
        }

        /**
         * Fails unless the sample's seqs rise (gaps are records the ring dropped) and each record
         * holds the values the producer derives from its seq ({@link BenchFrameValues}).
         */
        void verify(int count) {
            BenchFrameFlyweight row = new BenchFrameFlyweight();
            long previous = -1;
            for (int i = 0; i < count; i++) {
                row.wrap(buffer, i * RECORD_SIZE);
                long seq = row.seq();
                if (seq <= previous || row.frameIntervalNs() != BenchFrameValues.frameIntervalNs(seq)
                        || row.gpuToPresentNs() != BenchFrameValues.gpuToPresentNs(seq)
                        || row.frameDropped() != BenchFrameValues.frameDropped(seq)
                        || row.vsyncMissed() != BenchFrameValues.vsyncMissed(seq)) {
                    throw new IllegalStateException("record " + i + " the reader saw is not what the producer wrote"
                            + " after seq " + previous + " (seq " + seq + ", frame_interval_ns " + row.frameIntervalNs()
                            + ")");
                }
                previous = seq;
            }
        }

        ByteBuffer buffer() {
            return buffer;
        }
    }

    private static long threadCpuNs(Thread thread) {
        long ns = ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
        return Math.max(0, ns);
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root, e);
        }
    }
}
