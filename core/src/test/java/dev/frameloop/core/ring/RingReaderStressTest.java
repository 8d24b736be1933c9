package dev.frameloop.core.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two producer threads and one reader thread on one simulated ring, two million records.
 *
 * <p>Each producer {@code p} reserves records of random sizes carrying {@code (seq, p)} and a
 * payload pattern derived from both, commits them in its own order (so one producer's
 * records often sit committed behind the other's busy one), and discards every record
 * whose {@code seq % 16 == 5}. The reader runs a {@link RingPoller} on its own thread.
 *
 * <pre>
 * Outcomes, per producer p, over the records the reader's handler receives:
 *   ACCEPTABLE  exactly p's committed seqs, each once, in increasing order, each payload
 *               byte equal to what p wrote before committing
 *   FORBIDDEN   a committed seq never delivered                      (loss)
 *               a seq delivered twice                                (duplicate)
 *               a seq delivered after a larger seq of the same p     (reordering)
 *               a discarded seq delivered                            (discard ignored)
 *               a payload byte other than what p wrote               (torn or stale read)
 * </pre>
 */
class RingReaderStressTest {
    private static final int PRODUCERS = 2;
    private static final long RECORDS_PER_PRODUCER = 1_000_000;
    private static final int RING_SIZE = 16 * 1024;
    private static final int MIN_PAYLOAD = 16;
    private static final int MAX_PAYLOAD = 200;

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldDeliverEveryCommittedRecordOnceInOrderWithTheBytesWritten() throws Exception {
        SimulatedRingProducer ring = new SimulatedRingProducer(RING_SIZE);
        CheckingHandler handler = new CheckingHandler();
        CollectingErrorHandler errors = new CollectingErrorHandler();
        RingReader reader = new RingReader(0, "stress", ring.regions(), handler, errors, 64);
        RingPoller poller = new RingPoller(List.of(reader), new YieldingIdleStrategy(), Duration.ofSeconds(5));

        AtomicReference<String> stuck = new AtomicReference<>();
        poller.start(runnable -> new Thread(runnable, "stress-reader"));
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producerId = p;
            Thread thread = new Thread(() -> produce(ring, reader, producerId, stuck), "stress-producer-" + p);
            producers.add(thread);
            thread.start();
        }
        for (Thread thread : producers) {
            thread.join();
        }
        poller.close();

        assertNull(stuck.get());
        assertEquals(List.of(), handler.violations, "forbidden outcomes");
        assertEquals(List.of(), errors.errors);
        long committedPerProducer = RECORDS_PER_PRODUCER - RECORDS_PER_PRODUCER / 16;
        long[] expected = new long[PRODUCERS];
        Arrays.fill(expected, committedPerProducer);
        assertArrayEquals(expected, handler.delivered);
        assertEquals(RECORDS_PER_PRODUCER * PRODUCERS - committedPerProducer * PRODUCERS, reader.discarded());
        assertEquals(ring.producerPosition(), ring.publishedConsumerPosition());
    }

    /** Produces this producer's records; gives up (saying why in {@code stuck}) if the reader stops reading. */
    private static void produce(SimulatedRingProducer ring, RingReader reader, int producerId,
                                AtomicReference<String> stuck) {
        SplittableRandom random = new SplittableRandom(42 + producerId);
        for (long seq = 0; seq < RECORDS_PER_PRODUCER; seq++) {
            int length = MIN_PAYLOAD + random.nextInt(MAX_PAYLOAD - MIN_PAYLOAD + 1);
            long record;
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((record = ring.reserve(length)) < 0) {
                if (reader.isStopped() || System.nanoTime() - giveUp > 0) {
                    stuck.set("producer " + producerId + " stuck at seq " + seq + ": the ring stayed full"
                            + (reader.isStopped() ? " (reader stopped: " + reader.failure().getMessage() + ")" : ""));
                    return;
                }
                Thread.yield();
            }
            ring.putLong(record, 0, seq);
            ring.putInt(record, 8, producerId);
            ring.putInt(record, 12, length);
            for (int i = 16; i < length; i++) {
                ring.putByte(record, i, SimulatedRingProducer.pattern(seq * PRODUCERS + producerId, i));
            }
            if (seq % 16 == 5) {
                ring.discard(record);
            } else {
                ring.commit(record);
            }
        }
    }

    /** Checks each record as it arrives; keeps the first violations as text. */
    private static final class CheckingHandler implements EventHandler {
        final long[] delivered = new long[PRODUCERS];
        final long[] nextSeq = new long[PRODUCERS];
        final List<String> violations = new ArrayList<>();

        @Override
        public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
            ByteBuffer b = buffer.order(ByteOrder.LITTLE_ENDIAN);
            long seq = b.getLong(offset);
            int producer = b.getInt(offset + 8);
            int announced = b.getInt(offset + 12);
            if (producer < 0 || producer >= PRODUCERS || announced != length) {
                violate("record at offset " + offset + ": producer " + producer + ", length " + announced + " vs " + length);
                return;
            }
            long expected = nextSeq[producer];
            if (expected % 16 == 5) {
                expected++;
            }
            if (seq != expected) {
                violate("producer " + producer + ": seq " + seq + " delivered, expected " + expected);
            }
            if (seq % 16 == 5) {
                violate("producer " + producer + ": discarded seq " + seq + " delivered");
            }
            for (int i = 16; i < length; i++) {
                if (b.get(offset + i) != SimulatedRingProducer.pattern(seq * PRODUCERS + producer, i)) {
                    violate("producer " + producer + ": seq " + seq + " payload byte " + i + " differs");
                    break;
                }
            }
            nextSeq[producer] = Math.max(nextSeq[producer], seq + 1);
            delivered[producer]++;
        }

        private void violate(String what) {
            if (violations.size() < 10) {
                violations.add(what);
            }
        }
    }
}
