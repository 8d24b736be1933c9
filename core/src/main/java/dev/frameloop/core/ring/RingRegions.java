package dev.frameloop.core.ring;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The three memory regions of one mapped BPF ring buffer, checked: the consumer page
 * (read-write, {@code consumer_pos}), the producer page (read-only, {@code producer_pos}) and
 * the data area mapped twice (read-only, {@code 2 * size} bytes). See
 * {@link RingBufferDescriptor} for the layout. The buffers are used as given (no copies);
 * whoever mapped the memory owns it and must keep it mapped while a reader uses it. The
 * producer page and data area may be writable views of read-only mappings (as JNA gives
 * them): the reader never writes them and hands handlers a read-only view.
 */
public final class RingRegions {
    private final ByteBuffer consumerPage;
    private final ByteBuffer producerPage;
    private final ByteBuffer data;
    private final int size;

    /**
     * @param consumerPage direct, writable, at least 8 bytes, 8-byte aligned
     * @param producerPage direct, at least 8 bytes, 8-byte aligned
     * @param data         direct, exactly {@code 2 * size} bytes for a power-of-two {@code size},
     *                     8-byte aligned; bytes {@code [size, 2 * size)} mirror {@code [0, size)}
     */
    public RingRegions(ByteBuffer consumerPage, ByteBuffer producerPage, ByteBuffer data) {
        this.consumerPage = checkPage(consumerPage, "consumer page");
        this.producerPage = checkPage(producerPage, "producer page");
        if (consumerPage.isReadOnly()) {
            throw new IllegalArgumentException("consumer page must be writable (the reader stores consumer_pos)");
        }
        Objects.requireNonNull(data, "data");
        if (!data.isDirect()) {
            throw new IllegalArgumentException("data area must be a direct buffer over the mapped ring");
        }
        if (data.capacity() % 2 != 0) {
            throw new IllegalArgumentException("data area must be the ring mapped twice (2 * size bytes), got "
                    + data.capacity() + " bytes");
        }
        this.size = RingBufferDescriptor.checkSize(data.capacity() / 2);
        if (data.alignmentOffset(0, 8) != 0) {
            throw new IllegalArgumentException("data area must be 8-byte aligned");
        }
        this.data = data;
    }

    /** Read-write page whose first 8 bytes are {@code consumer_pos}. */
    public ByteBuffer consumerPage() {
        return consumerPage;
    }

    /** Read-only page whose first 8 bytes are {@code producer_pos}. */
    public ByteBuffer producerPage() {
        return producerPage;
    }

    /** The data area, {@code 2 * size} bytes. */
    public ByteBuffer data() {
        return data;
    }

    /** Ring size in bytes ({@code max_entries} of the map). */
    public int size() {
        return size;
    }

    /** {@code size - 1}: maps a position to its offset in the data area. */
    public int mask() {
        return size - 1;
    }

    private static ByteBuffer checkPage(ByteBuffer page, String what) {
        Objects.requireNonNull(page, what);
        if (!page.isDirect()) {
            throw new IllegalArgumentException(what + " must be a direct buffer over the mapped ring");
        }
        if (page.capacity() < Long.BYTES) {
            throw new IllegalArgumentException(what + " must hold at least 8 bytes, got " + page.capacity());
        }
        if (page.alignmentOffset(0, 8) != 0) {
            throw new IllegalArgumentException(what + " must be 8-byte aligned");
        }
        return page;
    }
}
