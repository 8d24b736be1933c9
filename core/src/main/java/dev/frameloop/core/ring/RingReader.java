package dev.frameloop.core.ring;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Consumes one mapped BPF ring buffer with libbpf's protocol, zero-copy: records are handed
 * to the {@link EventHandler} in place, and a pass allocates nothing.
 *
 * <p>One {@link #consume()} pass: acquire-load {@code producer_pos}; while the consumer
 * position is below it, acquire-load the header at {@code position & mask}; a busy record
 * ends the pass (it and everything after it stay for a later pass, as in libbpf); a discarded
 * one is skipped; any other is handed to the handler; the position advances by the record
 * length rounded up to 8. {@code consumer_pos} is release-stored every
 * {@code positionStoreBatch} records and at the end of the pass (libbpf stores after every
 * record; batching frees space for the producer a little later but costs fewer stores).
 *
 * <p>Speed: the loop reads the ring through native addresses ({@link RingMemory}), keeps its fields
 * in locals, and works in batches of {@code positionStoreBatch} records: first it acquire-loads and
 * checks their headers (a header only when it differs from the one before, since a ring's records
 * mostly share length and flags, so the CPU knows the next position before the load completes and
 * the header loads overlap), then it hands the batch's records to the handler with plain loads and
 * no acquire between them, so the JIT keeps the handler's and the buffer's fields in registers, and
 * release-stores {@code consumer_pos} once. Every payload read still follows the acquire load of its
 * own header.
 *
 * <p>Positions and headers that cannot be valid (a producer position behind the consumer,
 * more than a ring ahead, or misaligned; a length longer than the ring or running past the
 * producer position) stop this ring with a {@link CorruptRingException} sent to the
 * {@link ErrorHandler}; later passes return 0. A handler exception goes to the error handler
 * and the pass goes on.
 *
 * <p>Not thread-safe: one consumer thread calls {@link #consume()}. The counters may be read
 * from other threads for monitoring (values may lag).
 */
public final class RingReader {
    private final int ringId;
    private final String name;
    /** The mapped regions; kept reachable here because the loop works on their addresses. */
    private final RingRegions regions;
    private final ByteBuffer handlerView;
    private final long consumerPositionAddress;
    private final long producerPositionAddress;
    private final long dataAddress;
    private final int size;
    private final int mask;
    private final EventHandler handler;
    private final ErrorHandler errorHandler;
    private final int positionStoreBatch;

    private long consumerPosition;
    /** A header that passed the header checks, and its record length (see the consume loop). */
    private int checkedHeader;
    private int checkedRecordLength = RingBufferDescriptor.recordLength(0);
    private long delivered;
    private long discarded;
    private long handlerErrors;
    private volatile CorruptRingException failure;

    /**
     * @param ringId             id passed to the handler with every record
     * @param name               ring name for messages (e.g. the BPF map name)
     * @param regions            the mapped ring
     * @param handler            receives each committed record
     * @param errorHandler       receives handler exceptions and corruption
     * @param positionStoreBatch store {@code consumer_pos} at least every this many records (1 = like libbpf)
     * @throws CorruptRingException if the ring's {@code consumer_pos} is not 8-byte aligned
     */
    public RingReader(int ringId, String name, RingRegions regions, EventHandler handler, ErrorHandler errorHandler,
                      int positionStoreBatch) {
        this.ringId = ringId;
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regions, "regions");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        if (positionStoreBatch < 1) {
            throw new IllegalArgumentException("positionStoreBatch must be >= 1, got " + positionStoreBatch);
        }
        this.positionStoreBatch = positionStoreBatch;
        this.regions = regions;
        this.handlerView = regions.data().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        // in bounds by RingRegions' checks: positions are the first 8 bytes of pages of at least 8;
        // a header is read at (position & mask) + [0, 4) of a data area of 2 * size bytes
        this.consumerPositionAddress = RingMemory.addressOf(regions.consumerPage())
                + RingBufferDescriptor.CONSUMER_POSITION_OFFSET;
        this.producerPositionAddress = RingMemory.addressOf(regions.producerPage())
                + RingBufferDescriptor.PRODUCER_POSITION_OFFSET;
        this.dataAddress = RingMemory.addressOf(regions.data()) + RingBufferDescriptor.LENGTH_OFFSET;
        this.size = regions.size();
        this.mask = regions.mask();
        this.consumerPosition = RingMemory.consumerPositionAcquire(consumerPositionAddress);
        if (!RingBufferDescriptor.isAligned(consumerPosition)) {
            throw new CorruptRingException(name, consumerPosition, describe()
                    + ": consumer position " + consumerPosition + " is not 8-byte aligned");
        }
    }

    /**
     * One consume pass over the records committed so far.
     *
     * @return records consumed: handed to the handler or skipped as discarded
     */
    public int consume() {
        if (failure != null) {
            return 0;
        }
        try {
            return consumeCommitted();
        } finally {
            Reference.reachabilityFence(regions); // the loop reads the mapped memory through addresses only
        }
    }

    private int consumeCommitted() {
        // fields in locals: the acquire loads in the loop would make the JIT reload them every record
        final long dataAddress = this.dataAddress;
        final long consumerPositionAddress = this.consumerPositionAddress;
        final ByteBuffer handlerView = this.handlerView;
        final EventHandler handler = this.handler;
        final int mask = this.mask;
        final int maxLength = size - RingBufferDescriptor.HEADER_LENGTH;
        final int ringId = this.ringId;
        final int batch = this.positionStoreBatch;
        final long producerPosition = RingMemory.producerPositionAcquire(producerPositionAddress);
        long position = consumerPosition;
        final long available = producerPosition - position;
        if (available == 0) {
            return 0;
        }
        if (available < 0 || available > size || !RingBufferDescriptor.isAligned(producerPosition)) {
            fail(position, badProducerPosition(producerPosition, position));
            return 0;
        }
        int consumed = 0;
        int discardedInPass = 0;
        // The header last checked, and its record length. Most records of a ring have the header of
        // the one before (same length, same flags): for those the checks that depend only on the
        // header are already done, and the next position is known before this header's load
        // completes, so the CPU runs ahead into the next records instead of waiting for each load in
        // turn (the record chain is a dependent-load chain otherwise). Starts as header 0: a
        // committed empty record, for which the slow path would compute the same values.
        int checkedHeader = this.checkedHeader;
        int checkedRecordLength = this.checkedRecordLength;
        while (position != producerPosition) {
            // Scan: acquire-load and check up to a batch of headers, stopping at a busy or invalid one.
            long scanned = position;
            int records = 0;
            boolean busy = false;
            int invalidHeader = 0;
            boolean invalid = false;
            while (scanned != producerPosition && records < batch) {
                final int header = RingMemory.headerAcquire(dataAddress + ((int) scanned & mask));
                if (header != checkedHeader) {
                    if ((header & RingBufferDescriptor.BUSY_BIT) != 0) {
                        busy = true;
                        break;
                    }
                    if ((header & RingBufferDescriptor.LENGTH_MASK) > maxLength) {
                        invalid = true;
                        invalidHeader = header;
                        break;
                    }
                    checkedHeader = header;
                    checkedRecordLength = RingBufferDescriptor.recordLength(header & RingBufferDescriptor.LENGTH_MASK);
                }
                if (checkedRecordLength > producerPosition - scanned) {
                    invalid = true;
                    invalidHeader = header;
                    break;
                }
                scanned += checkedRecordLength;
                records++;
            }
            // Deliver what the scan checked. Every payload read here comes after the acquire load of
            // its header above, so plain loads suffice, and with no acquire in this loop the JIT keeps
            // the buffer's and the handler's fields in registers across records.
            int deliveredHeader = 0;
            int deliveredLength = RingBufferDescriptor.recordLength(0);
            for (int i = 0; i < records; i++) {
                final int offset = (int) position & mask;
                final int header = RingMemory.headerPlain(dataAddress + offset);
                if (header != deliveredHeader) {
                    deliveredHeader = header;
                    deliveredLength = RingBufferDescriptor.recordLength(header & RingBufferDescriptor.LENGTH_MASK);
                }
                position += deliveredLength;
                consumed++;
                if ((header & RingBufferDescriptor.DISCARD_BIT) != 0) {
                    discardedInPass++;
                    continue;
                }
                try {
                    handler.onEvent(ringId, handlerView, offset + RingBufferDescriptor.HEADER_LENGTH,
                            header & RingBufferDescriptor.LENGTH_MASK);
                } catch (VirtualMachineError error) {
                    // the records after this one were checked but not delivered: the next pass starts
                    // here and checks them again
                    remember(checkedHeader, checkedRecordLength);
                    count(consumed, discardedInPass);
                    store(position, 1);
                    throw error;
                } catch (Throwable error) {
                    RingMemory.consumerPositionRelease(consumerPositionAddress, position);
                    handlerErrors++;
                    errorHandler.onError(this, error);
                }
            }
            if (records != 0) {
                RingMemory.consumerPositionRelease(consumerPositionAddress, position);
            }
            if (invalid) {
                remember(checkedHeader, checkedRecordLength);
                count(consumed, discardedInPass);
                store(position, 0);
                fail(position, badHeader(position, invalidHeader, producerPosition));
                return consumed;
            }
            if (busy) {
                break;
            }
        }
        remember(checkedHeader, checkedRecordLength);
        count(consumed, discardedInPass);
        store(position, 0);
        return consumed;
    }

    private void remember(int header, int recordLength) {
        checkedHeader = header;
        checkedRecordLength = recordLength;
    }

    /** Adds a pass's counts to the totals once per pass (per-record field updates cost the hot loop). */
    private void count(int consumed, int discardedInPass) {
        delivered += consumed - discardedInPass;
        discarded += discardedInPass;
    }

    /** Id passed to the handler with every record. */
    public int ringId() {
        return ringId;
    }

    /** Ring name, for messages. */
    public String name() {
        return name;
    }

    /** Where this ring's errors go. */
    public ErrorHandler errorHandler() {
        return errorHandler;
    }

    /** Ring size in bytes. */
    public int size() {
        return size;
    }

    /** Position up to which records have been consumed (published or about to be, at the end of the pass). */
    public long consumerPosition() {
        return consumerPosition;
    }

    /** Acquire load of the ring's {@code producer_pos}: everything below it is reserved. */
    public long producerPosition() {
        long position = RingMemory.producerPositionAcquire(producerPositionAddress);
        Reference.reachabilityFence(regions);
        return position;
    }

    /** Records handed to the handler so far (those that threw included); updated at the end of each pass. */
    public long delivered() {
        return delivered;
    }

    /** Discarded records skipped so far. */
    public long discarded() {
        return discarded;
    }

    /** Handler calls that threw so far. */
    public long handlerErrors() {
        return handlerErrors;
    }

    /** Whether corruption stopped this ring. */
    public boolean isStopped() {
        return failure != null;
    }

    /** The corruption that stopped this ring, or null while it runs. */
    public CorruptRingException failure() {
        return failure;
    }

    /** Records the position reached; {@code pending != 0}: also release-stores it to {@code consumer_pos}. */
    private void store(long position, int pending) {
        consumerPosition = position;
        if (pending != 0) {
            RingMemory.consumerPositionRelease(consumerPositionAddress, position);
        }
    }

    private void fail(long position, String message) {
        consumerPosition = position;
        CorruptRingException error = new CorruptRingException(name, position, message + "; the ring is stopped");
        failure = error;
        errorHandler.onError(this, error);
    }

    private String describe() {
        return "ring '" + name + "' (id " + ringId + ", size " + size + ")";
    }

    private String badProducerPosition(long producerPosition, long position) {
        String why;
        if (producerPosition < position) {
            why = "is behind the consumer position " + position;
        } else if (producerPosition - position > size) {
            why = "is " + (producerPosition - position) + " bytes ahead of the consumer position " + position
                    + ", more than the ring holds";
        } else {
            why = "is not 8-byte aligned (consumer position " + position + ")";
        }
        return describe() + ": producer position " + producerPosition + " " + why;
    }

    private String badHeader(long position, int header, long producerPosition) {
        int length = header & RingBufferDescriptor.LENGTH_MASK;
        String flags = (header & RingBufferDescriptor.DISCARD_BIT) != 0 ? "discard" : "none";
        String text = describe() + String.format(": record header 0x%08x at position %d (offset %d) announces %d payload bytes (flags %s)",
                header, position, (int) position & mask, length, flags);
        if (length > size - RingBufferDescriptor.HEADER_LENGTH) {
            return text + ", more than a record of this ring can hold (" + (size - RingBufferDescriptor.HEADER_LENGTH) + ")";
        }
        return text + ", but only " + (producerPosition - position) + " bytes are reserved from there (producer position "
                + producerPosition + ")";
    }
}
