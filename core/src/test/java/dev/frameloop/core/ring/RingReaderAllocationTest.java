package dev.frameloop.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frameloop.core.event.BenchRecordFlyweight;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The steady-state consume path allocates nothing per record. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RingReaderAllocationTest {
    private static final int PAYLOAD = 32;
    private static final long WARMUP_RECORDS = 300_000;
    private static final long MEASURED_RECORDS = 1_000_000;

    @Test
    void shouldAllocateLessThanOneHundredthOfABytePerRecordInSteadyState() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM must measure per-thread allocation");
        SimulatedRingProducer ring = new SimulatedRingProducer(64 * 1024);
        SumHandler handler = new SumHandler();
        RingReader reader = new RingReader(0, "alloc", ring.regions(), handler, new CollectingErrorHandler(), 256);
        long threadId = Thread.currentThread().getId();

        run(ring, reader, 0, WARMUP_RECORDS);
        long before = threads.getThreadAllocatedBytes(threadId);
        run(ring, reader, WARMUP_RECORDS, MEASURED_RECORDS);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        long total = WARMUP_RECORDS + MEASURED_RECORDS;
        assertEquals(total, handler.count);
        assertEquals(total * (total - 1) / 2, handler.seqSum);
        double perRecord = (double) allocated / MEASURED_RECORDS;
        assertTrue(perRecord < 0.01, "allocated " + allocated + " bytes for " + MEASURED_RECORDS + " records: "
                + perRecord + " bytes per record");
    }

    /** Producer and reader on this thread, alternating: fill what fits, consume it. */
    private static void run(SimulatedRingProducer ring, RingReader reader, long firstSeq, long records) {
        long seq = firstSeq;
        long end = firstSeq + records;
        while (seq < end) {
            long record;
            while (seq < end && (record = ring.reserve(PAYLOAD)) >= 0) {
                ring.putLong(record, 0, seq++);
                ring.commit(record);
            }
            reader.consume();
        }
    }

    private static final class SumHandler implements EventHandler {
        private final BenchRecordFlyweight flyweight = new BenchRecordFlyweight();
        long count;
        long seqSum;

        @Override
        public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
            seqSum += flyweight.wrap(buffer, offset).seq();
            count++;
        }
    }
}
