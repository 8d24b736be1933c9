package dev.frameloop.core.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes into plain memory exactly what the kernel's BPF ring buffer writes
 * ({@code kernel/bpf/ringbuf.c}), so the reader can be tested without a kernel:
 *
 * <ul>
 *   <li>reserve, under a lock (the kernel's spinlock): refuse when the record is longer than
 *       the ring or when the producer would get more than {@code size - 1} bytes ahead of the
 *       acquire-loaded {@code consumer_pos}; else write the header {@code len | BUSY_BIT} and
 *       {@code pg_off} with plain stores, then release-store {@code producer_pos};</li>
 *   <li>commit: exchange the header (a full barrier, the kernel's {@code xchg}) with
 *       {@code BUSY_BIT} cleared; discard: the same with {@code DISCARD_BIT} set;</li>
 *   <li>the data area is {@code 2 * size} bytes and every byte written at ring offset
 *       {@code o} is also written at {@code o + size}: the kernel maps the data pages twice,
 *       this buffer mirrors them by hand.</li>
 * </ul>
 * Not simulated: wakeups, and newer kernels' extra limit on the span of busy records.
 */
final class SimulatedRingProducer {
    static final int PAGE_SIZE = 4096;
    private static final VarHandle POSITION = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle HEADER = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int size;
    private final int mask;
    private final ByteBuffer consumerPage;
    private final ByteBuffer producerPage;
    private final ByteBuffer data;
    private long producerPosition;
    private long failedReservations;

    SimulatedRingProducer(int size) {
        this.size = RingBufferDescriptor.checkSize(size);
        this.mask = size - 1;
        this.consumerPage = ByteBuffer.allocateDirect(PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        this.producerPage = ByteBuffer.allocateDirect(PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        this.data = ByteBuffer.allocateDirect(2 * size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** What a reader gets from the collector: consumer page rw, producer page and data ro. */
    RingRegions regions() {
        return new RingRegions(consumerPage, producerPage.asReadOnlyBuffer(), data.asReadOnlyBuffer());
    }

    int size() {
        return size;
    }

    /**
     * Reserves a record, as {@code bpf_ringbuf_reserve} does.
     *
     * @return the record's position, or -1 if it does not fit now (counted as a failed reservation)
     */
    synchronized long reserve(int payloadLength) {
        if (payloadLength < 0 || payloadLength > RingBufferDescriptor.LENGTH_MASK) {
            throw new IllegalArgumentException("payload length " + payloadLength);
        }
        int recordLength = RingBufferDescriptor.recordLength(payloadLength);
        if (recordLength > size) {
            failedReservations++;
            return -1;
        }
        // pairs with the reader's consumerPositionRelease
        long consumerPosition = (long) POSITION.getAcquire(consumerPage, 0);
        long position = producerPosition;
        if (position + recordLength - consumerPosition > mask) {
            failedReservations++;
            return -1;
        }
        int offset = (int) position & mask;
        putIntMirrored(offset + RingBufferDescriptor.LENGTH_OFFSET, payloadLength | RingBufferDescriptor.BUSY_BIT);
        putIntMirrored(offset + RingBufferDescriptor.PAGE_OFFSET_OFFSET, 2 + (offset >>> 12));
        producerPosition = position + recordLength;
        // pairs with the reader's producerPositionAcquire
        POSITION.setRelease(producerPage, 0, producerPosition);
        return position;
    }

    /** Commits a reserved record, as {@code bpf_ringbuf_submit} does. */
    void commit(long record) {
        finish(record, false);
    }

    /** Discards a reserved record, as {@code bpf_ringbuf_discard} does. */
    void discard(long record) {
        finish(record, true);
    }

    /** Reserves, fills with {@link #pattern} from {@code seed}, and commits; false if the ring was full. */
    boolean offer(int payloadLength, long seed) {
        long record = reserve(payloadLength);
        if (record < 0) {
            return false;
        }
        fill(record, payloadLength, seed);
        commit(record);
        return true;
    }

    /** Writes {@code value} at {@code payloadOffset} of a reserved record (both data copies). */
    void putLong(long record, int payloadOffset, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            putByte(record, payloadOffset + i, (byte) (value >>> (8 * i)));
        }
    }

    /** Writes {@code value} at {@code payloadOffset} of a reserved record (both data copies). */
    void putInt(long record, int payloadOffset, int value) {
        for (int i = 0; i < Integer.BYTES; i++) {
            putByte(record, payloadOffset + i, (byte) (value >>> (8 * i)));
        }
    }

    /** Writes one payload byte of a reserved record (both data copies). */
    void putByte(long record, int payloadOffset, byte value) {
        int offset = (int) (record + RingBufferDescriptor.HEADER_LENGTH + payloadOffset) & mask;
        data.put(offset, value);
        data.put(offset + size, value);
    }

    /** Fills a payload with {@link #pattern}{@code (seed, i)}. */
    void fill(long record, int payloadLength, long seed) {
        int start = (int) (record + RingBufferDescriptor.HEADER_LENGTH) & mask;
        for (int i = 0; i < payloadLength; i++) {
            int offset = (start + i) & mask;
            byte value = pattern(seed, i);
            data.put(offset, value);
            data.put(offset + size, value);
        }
    }

    /** The byte {@link #fill} writes at payload index {@code i}. */
    static byte pattern(long seed, int i) {
        return (byte) (seed * 31 + i * 7 + (i >>> 8));
    }

    /** Overwrites a record header with a raw value, as memory corruption would. */
    void corruptHeader(long record, int rawHeader) {
        int offset = (int) record & mask;
        HEADER.setRelease(data, offset, rawHeader);
        data.putInt(offset + size, rawHeader);
    }

    /** Overwrites {@code producer_pos} with a raw value, as memory corruption would. */
    synchronized void corruptProducerPosition(long position) {
        POSITION.setRelease(producerPage, 0, position);
    }

    /** Current {@code producer_pos}. */
    synchronized long producerPosition() {
        return producerPosition;
    }

    /** {@code consumer_pos} as the kernel would read it. */
    long publishedConsumerPosition() {
        return (long) POSITION.getAcquire(consumerPage, 0);
    }

    /** Bytes reserved and not yet released by the consumer, as the kernel computes free space. */
    synchronized long occupiedBytes() {
        return producerPosition - publishedConsumerPosition();
    }

    synchronized long failedReservations() {
        return failedReservations;
    }

    private void finish(long record, boolean discard) {
        int offset = (int) record & mask;
        int header = (int) HEADER.get(data, offset);
        if ((header & RingBufferDescriptor.BUSY_BIT) == 0) {
            throw new IllegalStateException("record at " + record + " is not reserved (header 0x" + Integer.toHexString(header) + ")");
        }
        int committed = header ^ RingBufferDescriptor.BUSY_BIT;
        if (discard) {
            committed |= RingBufferDescriptor.DISCARD_BIT;
        }
        // The mirror first: in the kernel both copies are one page, so nothing may be written here
        // after the commit below. A mirror store after it could land a lap later, once the reader has
        // released this space, inside a newer record that wraps the end (seen as a torn payload).
        data.putInt(offset + size, committed);
        // the kernel's xchg: a full barrier; pairs with the reader's headerAcquire
        HEADER.getAndSet(data, offset, committed);
    }

    private void putIntMirrored(int offset, int value) {
        data.putInt(offset, value);
        data.putInt(offset + size, value);
    }
}
