package dev.frameloop.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RingPollerTest {
    private final CollectingErrorHandler errors = new CollectingErrorHandler();
    private final RecordingHandler handler = new RecordingHandler();

    @Test
    void shouldPollEveryRingInOneRound() {
        List<SimulatedRingProducer> rings = List.of(new SimulatedRingProducer(1024), new SimulatedRingProducer(1024),
                new SimulatedRingProducer(1024));
        List<RingReader> readers = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            readers.add(new RingReader(10 + i, "ring" + i, rings.get(i).regions(), handler, errors, 8));
            for (int r = 0; r <= i; r++) {
                assertTrue(rings.get(i).offer(8, r));
            }
        }
        RingPoller poller = new RingPoller(readers, new BusySpinIdleStrategy(), Duration.ZERO);

        assertEquals(6, poller.poll());

        assertEquals(List.of(10, 11, 11, 12, 12, 12), handler.ringIds);
        assertEquals(0, poller.poll());
    }

    @Test
    void shouldKeepReadingOtherRingsWhenOneIsCorrupt() {
        SimulatedRingProducer good = new SimulatedRingProducer(1024);
        SimulatedRingProducer bad = new SimulatedRingProducer(1024);
        RingReader goodReader = new RingReader(0, "good", good.regions(), handler, errors, 8);
        RingReader badReader = new RingReader(1, "bad", bad.regions(), handler, errors, 8);
        RingPoller poller = new RingPoller(List.of(badReader, goodReader), new BusySpinIdleStrategy(), Duration.ZERO);
        bad.corruptProducerPosition(4);
        assertTrue(good.offer(8, 1));

        assertEquals(1, poller.poll());
        assertTrue(good.offer(8, 2));
        assertEquals(1, poller.poll());

        assertTrue(badReader.isStopped());
        assertFalse(goodReader.isStopped());
        assertEquals(List.of("bad"), errors.rings);
        assertEquals(List.of(0, 0), handler.ringIds);
    }

    @Test
    void shouldDrainRecordsCommittedBeforeClose() throws Exception {
        SimulatedRingProducer ring = new SimulatedRingProducer(64 * 1024);
        RingReader reader = new RingReader(0, "drain", ring.regions(), handler, errors, 16);
        CountDownLatch idling = new CountDownLatch(1);
        IdleStrategy sleepy = workCount -> {
            if (workCount == 0) {
                idling.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AtomicReference<Thread> consumer = new AtomicReference<>();
        RingPoller poller = new RingPoller(List.of(reader), new WakeableIdleStrategy(sleepy, consumer), Duration.ofSeconds(5));
        poller.start(runnable -> {
            Thread thread = new Thread(runnable, "drain-test");
            consumer.set(thread);
            return thread;
        });
        assertTrue(idling.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 1000; i++) {
            assertTrue(ring.offer(24, i));
        }

        poller.close();

        assertEquals(1000, handler.payloads.size());
        handler.assertPayload(999, 24, 999);
        assertEquals(ring.producerPosition(), ring.publishedConsumerPosition());
        assertFalse(poller.isRunning());
        assertEquals(List.of(), errors.errors);
    }

    @Test
    void shouldReportARecordStillBusyWhenTheDrainTimesOut() {
        SimulatedRingProducer ring = new SimulatedRingProducer(1024);
        RingReader reader = new RingReader(0, "stuck", ring.regions(), handler, errors, 16);
        RingPoller poller = new RingPoller(List.of(reader), new SleepingIdleStrategy(1_000_000), Duration.ofMillis(50));
        poller.start(Thread::new);
        assertTrue(ring.offer(8, 1));
        long busy = ring.reserve(8);

        poller.close();

        assertEquals(busy, reader.consumerPosition());
        assertEquals(1, handler.payloads.size());
        IllegalStateException error = assertInstanceOf(IllegalStateException.class, errors.errors.get(0));
        assertEquals("ring 'stuck': drain stopped at position 16, before producer position 32: a record stayed busy "
                + "(reserved, never committed) for the whole 50 ms drain timeout", error.getMessage());
    }

    @Test
    void shouldPublishTheConsumerPositionOfEveryRingBeforeIdlingWithNoWork() throws Exception {
        SimulatedRingProducer first = new SimulatedRingProducer(4096);
        SimulatedRingProducer second = new SimulatedRingProducer(4096);
        RingReader firstReader = new RingReader(0, "first", first.regions(), (r, b, o, l) -> { }, errors, 1000);
        RingReader secondReader = new RingReader(1, "second", second.regions(), (r, b, o, l) -> { }, errors, 1000);
        List<String> unpublished = new ArrayList<>();
        CountDownLatch idleCalls = new CountDownLatch(200);
        IdleStrategy checking = workCount -> {
            if (workCount == 0) {
                if (first.publishedConsumerPosition() != firstReader.consumerPosition()
                        || second.publishedConsumerPosition() != secondReader.consumerPosition()) {
                    unpublished.add("idle(0) with an unpublished consumer position");
                }
                idleCalls.countDown();
                Thread.yield();
            }
        };
        RingPoller poller = new RingPoller(List.of(firstReader, secondReader), checking, Duration.ofSeconds(1));
        poller.start(Thread::new);
        for (int i = 0; i < 20_000; i++) {
            while (!first.offer(8, i)) {
                Thread.yield();
            }
            while (!second.offer(16, i)) {
                Thread.yield();
            }
        }
        assertTrue(idleCalls.await(10, TimeUnit.SECONDS));
        poller.close();

        assertEquals(List.of(), unpublished);
        assertEquals(20_000, firstReader.delivered());
        assertEquals(20_000, secondReader.delivered());
    }

    @Test
    void shouldRefusePollFromAnotherThreadOnceStarted() {
        SimulatedRingProducer ring = new SimulatedRingProducer(1024);
        RingReader reader = new RingReader(0, "owned", ring.regions(), handler, errors, 16);
        RingPoller poller = new RingPoller(List.of(reader), new SleepingIdleStrategy(1_000_000), Duration.ZERO);
        poller.start(runnable -> new Thread(runnable, "owner"));
        try {
            IllegalStateException error = assertThrows(IllegalStateException.class, poller::poll);
            assertEquals("the poller runs on thread 'owner'; poll() belongs to it", error.getMessage());
            assertThrows(IllegalStateException.class, () -> poller.start(Thread::new));
        } finally {
            poller.close();
        }
    }

    @Test
    void shouldRefuseTwoRingsWithTheSameId() {
        SimulatedRingProducer ring = new SimulatedRingProducer(1024);
        RingReader a = new RingReader(3, "a", ring.regions(), handler, errors, 16);
        RingReader b = new RingReader(3, "b", new SimulatedRingProducer(1024).regions(), handler, errors, 16);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RingPoller(List.of(a, b), new BusySpinIdleStrategy(), Duration.ZERO));

        assertEquals("ring id 3 is used by more than one ring", error.getMessage());
    }

    /** A blocking idle strategy that {@link #wakeUp()} interrupts, as an epoll strategy would use an eventfd. */
    private static final class WakeableIdleStrategy implements IdleStrategy {
        private final IdleStrategy delegate;
        private final AtomicReference<Thread> consumer;

        WakeableIdleStrategy(IdleStrategy delegate, AtomicReference<Thread> consumer) {
            this.delegate = delegate;
            this.consumer = consumer;
        }

        @Override
        public void idle(int workCount) {
            delegate.idle(workCount);
        }

        @Override
        public void wakeUp() {
            consumer.get().interrupt();
        }
    }
}
