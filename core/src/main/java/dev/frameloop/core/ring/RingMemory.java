package dev.frameloop.core.ring;

import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;

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
 *
 * <p>The accesses take native addresses inside direct buffers ({@link #addressOf}), not
 * {@code ByteBuffer} view {@link VarHandle}s: a view handle re-reads the buffer's address,
 * limit, backing array and memory scope and checks bounds and alignment at every access, and
 * because C2 cannot prove such an access off-heap it fences it against every other memory
 * access; with a record per few nanoseconds that cost the consume loop ~15 % (JMH and
 * {@code frameloop bench ring}). The price is that nothing here checks bounds: callers pass
 * addresses they proved inside the mapped regions ({@link RingReader} does in its
 * constructor: positions in the first 8 bytes of a page of at least 8, headers at
 * {@code position & mask} of a data area of {@code 2 * size} bytes), and keep the buffers
 * reachable and mapped while they use the addresses.
 */
public final class RingMemory {
    private static final sun.misc.Unsafe UNSAFE;
    private static final long BUFFER_ADDRESS;

    static {
        try {
            Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            UNSAFE = (sun.misc.Unsafe) theUnsafe.get(null);
            BUFFER_ADDRESS = UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RingMemory() {
    }

    /**
     * Native address of index 0 of a direct buffer.
     *
     * @throws IllegalArgumentException if the buffer is not direct
     */
    public static long addressOf(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer: " + buffer);
        }
        return UNSAFE.getLong(buffer, BUFFER_ADDRESS);
    }

    /**
     * Acquire load of {@code producer_pos} at {@code address}. Pairs with the kernel's release
     * store in reserve: every header the kernel wrote before it (at least {@code len | BUSY_BIT}
     * of each record below the position) is visible to the header loads that follow.
     */
    public static long producerPositionAcquire(long address) {
        return UNSAFE.getLongVolatile(null, address);
    }

    /**
     * Acquire load of the record header ({@code len}) at {@code address}. Pairs with the
     * kernel's {@code xchg} in commit/discard: once {@code BUSY_BIT} reads clear, the payload the
     * producer wrote before committing is visible to the plain reads of the handler.
     */
    public static int headerAcquire(long address) {
        return UNSAFE.getIntVolatile(null, address);
    }

    /**
     * Plain load of a record header the consumer already read with {@link #headerAcquire}: once
     * committed, a header does not change until {@code consumer_pos} passes it.
     */
    public static int headerPlain(long address) {
        return UNSAFE.getInt(null, address);
    }

    /**
     * Release store of {@code consumer_pos} at {@code address}. Pairs with the kernel's acquire
     * load in reserve: the reads of every record below the position (the handlers' reads
     * included) happen before the kernel may hand that space to a new record.
     */
    public static void consumerPositionRelease(long address, long position) {
        UNSAFE.putOrderedLong(null, address, position);
    }

    /**
     * Acquire load of {@code consumer_pos} at {@code address}: where a previous consumer of the
     * ring stopped. Read once when a reader attaches; after that the reader is the only writer.
     */
    public static long consumerPositionAcquire(long address) {
        return UNSAFE.getLongVolatile(null, address);
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
