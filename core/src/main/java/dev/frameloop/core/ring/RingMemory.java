package dev.frameloop.core.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Every ordered memory access of the consumer protocol, in one place, each paired with the
 * kernel access it synchronizes with. All other reads of the ring (payload bytes) are plain:
 * the acquire loads below order them.
 *
 * <p>Kernel side, for reference ({@code kernel/bpf/ringbuf.c}): reserve writes the record
 * header {@code len | BUSY_BIT} with plain stores, then {@code smp_store_release(producer_pos)};
 * commit clears {@code BUSY_BIT} (or sets {@code DISCARD_BIT}) with {@code xchg} on the header,
 * a full barrier, then {@code smp_load_acquire(consumer_pos)} to decide whether to wake a
 * sleeping reader; reserve reads {@code consumer_pos} with {@code smp_load_acquire} to find
 * free space.
 */
public final class RingMemory {
    private static final VarHandle POSITION = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle HEADER = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private RingMemory() {
    }

    /**
     * Acquire load of {@code producer_pos}. Pairs with the kernel's release store in reserve:
     * every header the kernel wrote before it (at least {@code len | BUSY_BIT} of each record
     * below the position) is visible to the header loads that follow.
     */
    public static long producerPositionAcquire(ByteBuffer producerPage) {
        return (long) POSITION.getAcquire(producerPage, RingBufferDescriptor.PRODUCER_POSITION_OFFSET);
    }

    /**
     * Acquire load of a record header ({@code len}). Pairs with the kernel's {@code xchg} in
     * commit/discard: once {@code BUSY_BIT} reads clear, the payload the producer wrote before
     * committing is visible to the plain reads of the handler.
     */
    public static int headerAcquire(ByteBuffer data, int offset) {
        return (int) HEADER.getAcquire(data, offset + RingBufferDescriptor.LENGTH_OFFSET);
    }

    /**
     * Release store of {@code consumer_pos}. Pairs with the kernel's acquire load in reserve:
     * the reads of every record below the position (the handlers' reads included) happen before
     * the kernel may hand that space to a new record.
     */
    public static void consumerPositionRelease(ByteBuffer consumerPage, long position) {
        POSITION.setRelease(consumerPage, RingBufferDescriptor.CONSUMER_POSITION_OFFSET, position);
    }

    /**
     * Acquire load of {@code consumer_pos}: where a previous consumer of the ring stopped.
     * Read once when a reader attaches; after that the reader is the only writer.
     */
    public static long consumerPositionAcquire(ByteBuffer consumerPage) {
        return (long) POSITION.getAcquire(consumerPage, RingBufferDescriptor.CONSUMER_POSITION_OFFSET);
    }

    /**
     * Full fence (store-load) between the last {@link #consumerPositionRelease} of a pass and
     * the re-check load of {@code producer_pos} before the reader may sleep. The kernel wakes a
     * sleeping reader on commit only when {@code consumer_pos} equals the committed record's
     * position; without the fence our store could still sit in the store buffer while we read
     * an old {@code producer_pos}, the kernel could read the old {@code consumer_pos}, and
     * neither side would see the record: a lost wakeup. Release and acquire alone do not order
     * a store before a later load.
     */
    public static void storeLoadFence() {
        VarHandle.fullFence();
    }
}
