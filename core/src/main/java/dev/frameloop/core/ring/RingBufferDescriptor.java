package dev.frameloop.core.ring;

/**
 * Layout of a BPF ring buffer ({@code BPF_MAP_TYPE_RINGBUF}) as user space maps it, and of
 * the 8-byte header in front of every record: the kernel's {@code kernel/bpf/ringbuf.c}
 * and libbpf's consumer ({@code src/ringbuf.c}) agree on all of it.
 *
 * <p>Mappings of the map fd ({@code size} = {@code max_entries}, a power of two and a
 * multiple of the page size):
 * <pre>
 *  mmap offset 0, 1 page, read-write           consumer page: u64 consumer_pos at 0
 *  mmap offset 1 page, 1 page + 2*size, ro     producer page: u64 producer_pos at 0
 *                                              data area: size bytes, then the same
 *                                              size bytes again (mapped twice), so a
 *                                              record that wraps the end reads as one
 *                                              contiguous range
 * </pre>
 * Positions are byte counts since the ring was created; they only grow. A position maps to
 * {@code data[position & (size - 1)]}. Every record starts at an 8-byte aligned position.
 *
 * <p>One record (header at {@code position & mask}, payload right after it):
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                      len (u32, see below)                     |  0
 *  +---------------------------------------------------------------+
 *  |                pg_off (u32, kernel use only)                  |  4
 *  +---------------------------------------------------------------+
 *  |                    payload (length bytes)                   ...  8
 *  +---------------------------------------------------------------+
 *  |     padding: 0 to 7 bytes, up to the next 8-byte position     |
 *  +---------------------------------------------------------------+
 *
 *  len, as a little-endian u32 value:
 *   31  30  29                                                    0
 *  +---+---+------------------------------------------------------+
 *  | B | D |             payload length in bytes                  |
 *  +---+---+------------------------------------------------------+
 *  B = BUSY_BIT: reserved, the producer is still writing it (no later record may be read yet)
 *  D = DISCARD_BIT: committed but discarded by the producer: skip it
 * </pre>
 * {@code pg_off} is the record's page offset from the start of the kernel's ring object
 * ({@code bpf_ringbuf_submit} uses it to find the ring); consumers ignore it.
 *
 * <p>A producer never gets more than {@code size - 1} bytes ahead of {@code consumer_pos}
 * (so, with 8-byte records, at most {@code size - 8}); a committed record therefore always
 * lies entirely before the {@code producer_pos} that made it visible.
 */
public final class RingBufferDescriptor {
    /** {@code BPF_RINGBUF_HDR_SZ}: bytes of header before each payload. */
    public static final int HEADER_LENGTH = 8;
    /** Offset of {@code len} in the record header. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of {@code pg_off} in the record header. */
    public static final int PAGE_OFFSET_OFFSET = 4;
    /** {@code BPF_RINGBUF_BUSY_BIT}: set in {@code len} while the record is being written. */
    public static final int BUSY_BIT = 1 << 31;
    /** {@code BPF_RINGBUF_DISCARD_BIT}: set in {@code len} of a discarded record. */
    public static final int DISCARD_BIT = 1 << 30;
    /** Bits of {@code len} that hold the payload length. */
    public static final int LENGTH_MASK = ~(BUSY_BIT | DISCARD_BIT);
    /** Records start at, and are rounded up to, multiples of this many bytes. */
    public static final int RECORD_ALIGNMENT = 8;
    /** Offset of {@code consumer_pos} (u64) in the consumer page. */
    public static final int CONSUMER_POSITION_OFFSET = 0;
    /** Offset of {@code producer_pos} (u64) in the producer page. */
    public static final int PRODUCER_POSITION_OFFSET = 0;
    /** Smallest ring this reader accepts (the kernel's smallest is one page). */
    public static final int MIN_SIZE = 16;
    /** Largest ring this reader accepts: the data area, mapped twice, must fit one {@code ByteBuffer}. */
    public static final int MAX_SIZE = 1 << 30;

    private RingBufferDescriptor() {
    }

    /** Bytes a record with {@code payloadLength} bytes of payload takes in the ring, header and padding included. */
    public static int recordLength(int payloadLength) {
        return (payloadLength + HEADER_LENGTH + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
    }

    /** Whether the header says the record is still being written. */
    public static boolean isBusy(int header) {
        return (header & BUSY_BIT) != 0;
    }

    /** Whether the header says the record was discarded. */
    public static boolean isDiscarded(int header) {
        return (header & DISCARD_BIT) != 0;
    }

    /** Payload length the header announces. */
    public static int payloadLength(int header) {
        return header & LENGTH_MASK;
    }

    /** Whether {@code position} is where a record may start. */
    public static boolean isAligned(long position) {
        return (position & (RECORD_ALIGNMENT - 1)) == 0;
    }

    /**
     * Checks a ring size: a power of two between {@link #MIN_SIZE} and {@link #MAX_SIZE}.
     *
     * @return {@code size}
     * @throws IllegalArgumentException if it is not
     */
    public static int checkSize(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("ring size must be a power of 2 between " + MIN_SIZE + " and " + MAX_SIZE
                    + ", got " + size);
        }
        return size;
    }
}
