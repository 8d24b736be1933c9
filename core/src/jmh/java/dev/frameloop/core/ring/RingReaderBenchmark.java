package dev.frameloop.core.ring;

import dev.frameloop.core.event.BenchRecordFlyweight;
import dev.frameloop.core.event.BenchRecordLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per record of {@link RingReader#consume()} alone, over a simulated ring (plain direct
 * memory, no kernel): the data area holds committed 32-byte records that tile the whole ring, and each
 * invocation only moves {@code producer_pos} one ring further, so the measured work is the
 * consume loop — acquire loads, header checks, handler call with a flyweight read, batched
 * {@code consumer_pos} stores. The kernel-fed comparison with libbpf is {@code frameloop bench ring}.
 *
 * <p>Run: {@code mvn -pl core -am test-compile}, then
 * {@code java -cp core/target/test-classes:core/target/classes:<test classpath> org.openjdk.jmh.Main RingReaderBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RingReaderBenchmark {
    private static final int RING_SIZE = 64 * 1024;
    /** Payload bytes per record: a bench record (seq, timestamp) and 16 bytes of filler. */
    private static final int PAYLOAD = 32;
    private static final int RECORD_LENGTH = (PAYLOAD + RingBufferDescriptor.HEADER_LENGTH + 7) & -8;
    /** Records of {@link #RECORD_LENGTH} bytes per lap; one discarded record fills the last bytes. */
    private static final int RECORDS_PER_LAP = (RING_SIZE - 2 * RingBufferDescriptor.RECORD_ALIGNMENT) / RECORD_LENGTH;
    private static final VarHandle POSITION = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Records between consumer_pos stores (1: like libbpf). */
    @Param({"1", "256"})
    public int batch;

    private ByteBuffer producerPage;
    private RingReader reader;
    private long producerPosition;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        ByteBuffer consumerPage = ByteBuffer.allocateDirect(4096);
        producerPage = ByteBuffer.allocateDirect(4096);
        ByteBuffer data = ByteBuffer.allocateDirect(2 * RING_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        for (int seq = 0; seq < RECORDS_PER_LAP; seq++) {
            writeRecord(data, offset, PAYLOAD, 0, seq);
            offset += RECORD_LENGTH;
        }
        writeRecord(data, offset, RING_SIZE - offset - RingBufferDescriptor.HEADER_LENGTH,
                RingBufferDescriptor.DISCARD_BIT, -1);
        BenchRecordFlyweight flyweight = new BenchRecordFlyweight();
        EventHandler handler = (ring, buffer, at, length) -> blackhole.consume(flyweight.wrap(buffer, at).seq());
        reader = new RingReader(0, "bench", new RingRegions(consumerPage, producerPage.asReadOnlyBuffer(),
                data.asReadOnlyBuffer()), handler, (ring, error) -> {
                    throw new IllegalStateException(error);
                }, batch);
    }

    /** One lap: every record of the ring; JMH reports the time per delivered record. */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_LAP)
    public int consumeOneLap() {
        producerPosition += RING_SIZE;
        POSITION.setRelease(producerPage, 0, producerPosition);
        int consumed = reader.consume();
        if (consumed != RECORDS_PER_LAP + 1) {
            throw new IllegalStateException("consumed " + consumed + " records, expected " + (RECORDS_PER_LAP + 1));
        }
        return consumed;
    }

    private static void writeRecord(ByteBuffer data, int offset, int length, int flags, long seq) {
        for (int copy = 0; copy < 2; copy++) {
            int at = offset + copy * RING_SIZE;
            data.putInt(at + RingBufferDescriptor.LENGTH_OFFSET, length | flags);
            if (length >= BenchRecordLayout.SIZE) {
                data.putLong(at + RingBufferDescriptor.HEADER_LENGTH + BenchRecordLayout.SEQ_OFFSET, seq);
            }
        }
    }
}
