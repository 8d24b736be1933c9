package dev.frameloop.collector.ring;

import dev.frameloop.collector.bench.BenchProducer;
import dev.frameloop.collector.bench.BenchWakeup;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.core.event.BenchRecordFlyweight;
import dev.frameloop.core.ring.RingReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Cost per record of the Java reader over a real kernel ring: before each iteration (untimed)
 * {@code bench.bpf.c} commits {@link #RECORDS} records with {@code BPF_RB_NO_WAKEUP} into a ring
 * mapped by {@link KernelRings}; the timed invocation drains them with {@link RingReader#consume()}
 * and a flyweight read of each seq. Single-shot: one drain per iteration. The producer runs on
 * this thread, so the data is in this CPU's cache (the best case; {@code frameloop bench ring}
 * measures the cross-CPU case against libbpf). Needs root.
 *
 * <p>Run: {@code mvn -pl collector -am test-compile}, then {@code java -cp
 * collector/target/test-classes:collector/target/classes:<test classpath> org.openjdk.jmh.Main KernelRingDrainBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 200, batchSize = 1)
@Measurement(iterations = 100, batchSize = 1)
@Fork(1)
public class KernelRingDrainBenchmark {
    static final int RECORDS = 50_000;

    /** Bytes per record (seq, timestamp, filler). */
    @Param({"32"})
    public int size;

    private BpfObject object;
    private KernelRings rings;
    private BenchProducer producer;
    private RingReader reader;
    private long nextSeq;
    private Counter counter;

    /** Reads each record's seq in place. */
    static final class Counter implements dev.frameloop.core.ring.EventHandler {
        private final BenchRecordFlyweight record = new BenchRecordFlyweight();
        long sum;

        @Override
        public void onEvent(int ringId, java.nio.ByteBuffer buffer, int offset, int length) {
            sum += record.wrap(buffer, offset).seq();
        }
    }

    @Setup(Level.Trial)
    public void open() {
        object = BpfObject.openResource("bench");
        RingPlan plan = KernelRings.configure(object,
                RingSizes.defaults().with(RingStream.BENCH, RingSize.single(4 << 20)));
        object.load();
        rings = plan.open();
        producer = new BenchProducer(object, BenchProducer.SINGLE_RING_PROGRAM);
        KernelRing ring = rings.rings(RingStream.BENCH).get(0);
        counter = new Counter();
        reader = new RingReader(ring.id(), ring.name(), ring.mapped().regions(), counter, (r, e) -> {
            throw new IllegalStateException(e);
        }, 64);
    }

    @Setup(Level.Iteration)
    public void fill() {
        long emitted = producer.emit(RECORDS, nextSeq, size, BenchWakeup.NONE);
        if (emitted != RECORDS) {
            throw new IllegalStateException("the ring held " + emitted + " of " + RECORDS + " records");
        }
        nextSeq += RECORDS;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void drain(Blackhole blackhole) {
        int left = RECORDS;
        while (left > 0) {
            left -= reader.consume();
        }
        blackhole.consume(counter.sum);
    }

    @TearDown(Level.Trial)
    public void close() {
        producer.close();
        rings.close();
        object.close();
    }
}
