package dev.frameloop.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The consumer protocol against a producer that writes what the kernel writes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RingReaderTest {
    private final CollectingErrorHandler errors = new CollectingErrorHandler();
    private final RecordingHandler handler = new RecordingHandler();

    private RingReader reader(SimulatedRingProducer producer, EventHandler eventHandler, int batch) {
        return new RingReader(7, "test_ring", producer.regions(), eventHandler, errors, batch);
    }

    @Test
    void shouldDeliverCommittedRecordsInOrderAndPublishTheConsumerPosition() {
        SimulatedRingProducer producer = new SimulatedRingProducer(4096);
        RingReader reader = reader(producer, handler, 256);
        for (int i = 0; i < 10; i++) {
            assertTrue(producer.offer(13 + i, i));
        }

        assertEquals(10, reader.consume());

        assertEquals(10, handler.payloads.size());
        for (int i = 0; i < 10; i++) {
            handler.assertPayload(i, 13 + i, i);
            assertEquals(7, handler.ringIds.get(i));
        }
        assertEquals(producer.producerPosition(), reader.consumerPosition());
        assertEquals(producer.producerPosition(), producer.publishedConsumerPosition());
        assertEquals(0, reader.consume());
        assertTrue(errors.errors.isEmpty());
    }

    @Test
    void shouldStopThePassAtABusyRecordAndResumeAfterItsCommit() {
        SimulatedRingProducer producer = new SimulatedRingProducer(4096);
        RingReader reader = reader(producer, handler, 256);
        long first = producer.reserve(16);
        long busy = producer.reserve(24);
        long third = producer.reserve(32);
        producer.fill(first, 16, 1);
        producer.fill(busy, 24, 2);
        producer.fill(third, 32, 3);
        producer.commit(first);
        producer.commit(third);

        assertEquals(1, reader.consume());
        assertEquals(busy, reader.consumerPosition());
        assertEquals(busy, producer.publishedConsumerPosition());
        assertEquals(0, reader.consume());

        producer.commit(busy);
        assertEquals(2, reader.consume());

        assertEquals(3, handler.payloads.size());
        handler.assertPayload(0, 16, 1);
        handler.assertPayload(1, 24, 2);
        handler.assertPayload(2, 32, 3);
        assertEquals(producer.producerPosition(), producer.publishedConsumerPosition());
    }

    @Test
    void shouldStopAtABusyRecordOfTheSameLengthAsTheCommittedOnesBefore() {
        SimulatedRingProducer producer = new SimulatedRingProducer(4096);
        RingReader reader = reader(producer, handler, 256);
        for (int i = 0; i < 3; i++) {
            assertTrue(producer.offer(16, i));
        }
        long busy = producer.reserve(16);
        producer.fill(busy, 16, 3);
        assertTrue(producer.offer(16, 4));

        assertEquals(3, reader.consume(), "the reader must not take a busy header for the committed one before it");
        assertEquals(busy, reader.consumerPosition());

        producer.commit(busy);
        assertEquals(2, reader.consume());
        for (int i = 0; i < 5; i++) {
            handler.assertPayload(i, 16, i);
        }
        assertTrue(errors.errors.isEmpty());
    }

    @Test
    void shouldCheckEveryRecordAgainstTheProducerPositionEvenWhenItsHeaderRepeatsTheOneBefore() {
        SimulatedRingProducer producer = new SimulatedRingProducer(1024);
        RingReader reader = reader(producer, handler, 256);
        for (int i = 0; i < 3; i++) {
            assertTrue(producer.offer(8, i));
        }
        producer.corruptProducerPosition(40); // the third record (16 bytes at 32) would run past it

        assertEquals(2, reader.consume());

        assertTrue(reader.isStopped());
        CorruptRingException error = assertInstanceOf(CorruptRingException.class, errors.errors.get(0));
        assertEquals("ring 'test_ring' (id 7, size 1024): record header 0x00000008 at position 32 (offset 32) "
                + "announces 8 payload bytes (flags none), but only 8 bytes are reserved from there "
                + "(producer position 40); the ring is stopped", error.getMessage());
        assertEquals(32, producer.publishedConsumerPosition());
    }

    @Test
    void shouldSkipDiscardedRecords() {
        SimulatedRingProducer producer = new SimulatedRingProducer(4096);
        RingReader reader = reader(producer, handler, 256);
        long kept = producer.reserve(8);
        long dropped = producer.reserve(40);
        long last = producer.reserve(8);
        producer.fill(kept, 8, 10);
        producer.fill(dropped, 40, 11);
        producer.fill(last, 8, 12);
        producer.commit(kept);
        producer.discard(dropped);
        producer.commit(last);

        assertEquals(3, reader.consume());

        assertEquals(2, handler.payloads.size());
        handler.assertPayload(0, 8, 10);
        handler.assertPayload(1, 8, 12);
        assertEquals(2, reader.delivered());
        assertEquals(1, reader.discarded());
        assertEquals(producer.producerPosition(), producer.publishedConsumerPosition());
    }

    @Test
    void shouldReadARecordThatWrapsTheEndOfTheRingAsOneContiguousPayload() {
        SimulatedRingProducer producer = new SimulatedRingProducer(256);
        RingReader reader = reader(producer, handler, 256);
        // move positions to 224: the next record's header sits 32 bytes before the end
        for (int i = 0; i < 7; i++) {
            assertTrue(producer.offer(24, i));
        }
        assertEquals(7, reader.consume());
        assertEquals(224, reader.consumerPosition());

        long wrapping = producer.reserve(100);
        producer.fill(wrapping, 100, 99);
        producer.commit(wrapping);
        assertEquals(1, reader.consume());

        handler.assertPayload(7, 100, 99);
        assertEquals(224 + 112, reader.consumerPosition());
    }

    @Test
    void shouldReadARingFilledToTheLastByteTheKernelAllows() {
        int size = 1024;
        SimulatedRingProducer producer = new SimulatedRingProducer(size);
        RingReader reader = reader(producer, handler, 256);
        for (int lap = 0; lap < 3; lap++) {
            int records = 0;
            // 16-byte records, then one 8-byte record: size - 8 bytes, the kernel's limit
            while (producer.occupiedBytes() + 16 <= size - 8) {
                assertTrue(producer.offer(8, lap * 1000L + records));
                records++;
            }
            assertTrue(producer.offer(0, -1));
            records++;
            assertEquals(size - 8, producer.occupiedBytes());
            assertEquals(-1, producer.reserve(0), "a full ring must refuse even an empty record");

            assertEquals(records, reader.consume());
            assertEquals(producer.producerPosition(), producer.publishedConsumerPosition());
            assertEquals(0, producer.occupiedBytes());
        }
        assertEquals(3 * ((size - 8) / 16 + 1), reader.delivered());
        assertTrue(errors.errors.isEmpty());
    }

    @Test
    void shouldDeliverEveryPayloadSizeFromOneToHalfTheRing() {
        int size = 512;
        SimulatedRingProducer producer = new SimulatedRingProducer(size);
        RingReader reader = reader(producer, handler, 3);
        int expected = 0;
        for (int length = 1; length <= size / 2; length++) {
            assertTrue(producer.offer(length, length));
            assertEquals(1, reader.consume());
            handler.assertPayload(expected++, length, length);
        }
        assertEquals(size / 2, reader.delivered());
    }

    @Test
    void shouldDeliverRandomSizesInRandomBatchesAcrossManyWraps() {
        int size = 4096;
        SimulatedRingProducer producer = new SimulatedRingProducer(size);
        RingReader reader = reader(producer, handler, 5);
        Random random = new Random(20240601L);
        List<int[]> produced = new ArrayList<>();
        long seed = 0;
        while (produced.size() < 20_000) {
            int burst = 1 + random.nextInt(40);
            for (int i = 0; i < burst; i++) {
                int length = 1 + random.nextInt(size / 2);
                long record = producer.reserve(length);
                if (record < 0) {
                    break;
                }
                producer.fill(record, length, seed);
                if (random.nextInt(10) == 0) {
                    producer.discard(record);
                } else {
                    producer.commit(record);
                    produced.add(new int[] {length, (int) seed});
                }
                seed++;
            }
            if (reader.consume() == 0 && producer.occupiedBytes() > size / 2) {
                throw new AssertionError("nothing consumed while " + producer.occupiedBytes() + " bytes are reserved");
            }
        }
        reader.consume();

        assertEquals(produced.size(), handler.payloads.size());
        for (int i = 0; i < produced.size(); i++) {
            handler.assertPayload(i, produced.get(i)[0], produced.get(i)[1]);
        }
        assertEquals(producer.producerPosition(), producer.publishedConsumerPosition());
        assertTrue(producer.producerPosition() > 100L * size, "the test must wrap the ring many times");
    }

    @Test
    void shouldStoreTheConsumerPositionEveryBatchOfRecords() {
        SimulatedRingProducer producer = new SimulatedRingProducer(4096);
        List<Long> publishedAtEachRecord = new ArrayList<>();
        RingReader reader = reader(producer, (ring, buffer, offset, length) ->
                publishedAtEachRecord.add(producer.publishedConsumerPosition()), 4);
        for (int i = 0; i < 10; i++) {
            assertTrue(producer.offer(8, i));
        }

        reader.consume();

        // 16-byte records: the position is stored after records 4 and 8, and at the end of the pass
        List<Long> expected = List.of(0L, 0L, 0L, 0L, 64L, 64L, 64L, 64L, 128L, 128L);
        assertEquals(expected, publishedAtEachRecord);
        assertEquals(160L, producer.publishedConsumerPosition());
    }

    @Test
    void shouldSendAThrowingHandlerToTheErrorHandlerAndGoOn() {
        SimulatedRingProducer producer = new SimulatedRingProducer(4096);
        List<Integer> lengths = new ArrayList<>();
        RingReader reader = reader(producer, (ring, buffer, offset, length) -> {
            lengths.add(length);
            if (length == 2) {
                throw new IllegalStateException("handler failed on purpose");
            }
        }, 256);
        for (int length = 1; length <= 4; length++) {
            assertTrue(producer.offer(length, length));
        }

        assertEquals(4, reader.consume());

        assertEquals(List.of(1, 2, 3, 4), lengths);
        assertEquals(1, errors.errors.size());
        assertEquals("handler failed on purpose", errors.errors.get(0).getMessage());
        assertEquals(1, reader.handlerErrors());
        assertFalse(reader.isStopped());
        assertEquals(producer.producerPosition(), producer.publishedConsumerPosition());
    }

    @Test
    void shouldLetAVirtualMachineErrorThroughAfterPublishingItsRecordAndDeliverTheRestExactlyOnceNextPass() {
        SimulatedRingProducer producer = new SimulatedRingProducer(4096);
        List<Integer> lengths = new ArrayList<>();
        boolean[] thrown = new boolean[1];
        RingReader reader = reader(producer, (ring, buffer, offset, length) -> {
            lengths.add(length);
            if (length == 3 && !thrown[0]) {
                thrown[0] = true;
                throw new OutOfMemoryError("thrown on purpose");
            }
        }, 256);
        long[] ends = new long[7];
        for (int length = 1; length <= 6; length++) {
            assertTrue(producer.offer(length, length));
            ends[length] = producer.producerPosition();
        }

        assertThrows(OutOfMemoryError.class, reader::consume);

        assertEquals(List.of(1, 2, 3), lengths);
        assertEquals(ends[3], producer.publishedConsumerPosition(), "the failing record counts as read");
        assertEquals(3, reader.consume());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), lengths, "records 4-6 once, none again");
        assertEquals(producer.producerPosition(), producer.publishedConsumerPosition());
        assertTrue(errors.errors.isEmpty());
    }

    @Test
    void shouldStopTheRingWithAClearErrorWhenALengthCannotBeValid() {
        SimulatedRingProducer producer = new SimulatedRingProducer(1024);
        RingReader reader = reader(producer, handler, 256);
        assertTrue(producer.offer(8, 1));
        long corrupt = producer.reserve(8);
        producer.commit(corrupt);
        producer.corruptHeader(corrupt, 4096);
        assertTrue(producer.offer(8, 3));

        assertEquals(1, reader.consume());

        assertEquals(1, handler.payloads.size());
        assertTrue(reader.isStopped());
        CorruptRingException error = assertInstanceOf(CorruptRingException.class, errors.errors.get(0));
        assertEquals("ring 'test_ring' (id 7, size 1024): record header 0x00001000 at position 16 (offset 16) "
                + "announces 4096 payload bytes (flags none), more than a record of this ring can hold (1016); "
                + "the ring is stopped", error.getMessage());
        assertEquals(16, error.position());
        assertEquals("test_ring", error.ringName());
        assertEquals(16, producer.publishedConsumerPosition(), "records before the corrupt one stay consumed");
        assertEquals(0, reader.consume(), "a stopped ring is not read again");
        assertEquals(1, errors.errors.size());
    }

    @Test
    void shouldStopTheRingWhenARecordRunsPastTheProducerPosition() {
        SimulatedRingProducer producer = new SimulatedRingProducer(1024);
        RingReader reader = reader(producer, handler, 256);
        long record = producer.reserve(8);
        producer.commit(record);
        producer.corruptHeader(record, 200);

        assertEquals(0, reader.consume());

        CorruptRingException error = assertInstanceOf(CorruptRingException.class, errors.errors.get(0));
        assertEquals("ring 'test_ring' (id 7, size 1024): record header 0x000000c8 at position 0 (offset 0) "
                + "announces 200 payload bytes (flags none), but only 16 bytes are reserved from there "
                + "(producer position 16); the ring is stopped", error.getMessage());
    }

    @Test
    void shouldStopTheRingWhenTheProducerPositionCannotBeValid() {
        SimulatedRingProducer misaligned = new SimulatedRingProducer(1024);
        RingReader first = reader(misaligned, handler, 256);
        misaligned.corruptProducerPosition(12);
        assertEquals(0, first.consume());

        SimulatedRingProducer tooFar = new SimulatedRingProducer(1024);
        RingReader second = reader(tooFar, handler, 256);
        tooFar.corruptProducerPosition(2048);
        assertEquals(0, second.consume());

        assertEquals(List.of(
                "ring 'test_ring' (id 7, size 1024): producer position 12 is not 8-byte aligned (consumer position 0); "
                        + "the ring is stopped",
                "ring 'test_ring' (id 7, size 1024): producer position 2048 is 2048 bytes ahead of the consumer "
                        + "position 0, more than the ring holds; the ring is stopped"),
                errors.errors.stream().map(Throwable::getMessage).toList());
        assertTrue(first.isStopped() && second.isStopped());
    }

    @Test
    void shouldRefuseRegionsThatCannotBeARing() {
        ByteBuffer page = ByteBuffer.allocateDirect(4096);
        IllegalArgumentException notPowerOfTwo = assertThrows(IllegalArgumentException.class,
                () -> new RingRegions(page, page, ByteBuffer.allocateDirect(2 * 1000)));
        assertEquals("ring size must be a power of 2 between 16 and 1073741824, got 1000", notPowerOfTwo.getMessage());
        IllegalArgumentException readOnly = assertThrows(IllegalArgumentException.class,
                () -> new RingRegions(page.asReadOnlyBuffer(), page, ByteBuffer.allocateDirect(2 * 1024)));
        assertEquals("consumer page must be writable (the reader stores consumer_pos)", readOnly.getMessage());
        IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                () -> new RingRegions(page, page, ByteBuffer.allocate(2 * 1024)));
        assertEquals("data area must be a direct buffer over the mapped ring", heap.getMessage());
    }

    @Test
    void shouldRefuseAMisalignedConsumerPositionAtStart() {
        SimulatedRingProducer producer = new SimulatedRingProducer(1024);
        RingRegions regions = producer.regions();
        regions.consumerPage().order(ByteOrder.LITTLE_ENDIAN).putLong(0, 4);

        CorruptRingException error = assertThrows(CorruptRingException.class,
                () -> new RingReader(1, "r", regions, handler, errors, 1));

        assertEquals("ring 'r' (id 1, size 1024): consumer position 4 is not 8-byte aligned", error.getMessage());
    }
}
