package dev.frameloop.collector.ring;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;
import dev.frameloop.core.ring.RingBufferDescriptor;
import dev.frameloop.core.ring.RingRegions;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Owner of the user-space mappings of one {@code BPF_MAP_TYPE_RINGBUF} map, made exactly as
 * libbpf's {@code ring_buffer__add} makes them: the consumer page read-write at offset 0; the
 * producer page and the data area (mapped twice by the kernel) read-only at offset one page,
 * {@code pagesize + 2 * size} bytes. {@link #regions()} gives the core reader its view;
 * {@link #close()} unmaps both. A reader must not touch the regions after close.
 *
 * <p>The map's fd is not owned here (libbpf or {@link KernelRings} owns it).
 */
public final class MappedRing implements AutoCloseable {
    private final String name;
    private final int fd;
    private final int size;
    private final int pageSize;
    private Pointer consumerMapping;
    private Pointer producerMapping;
    private final RingRegions regions;

    private MappedRing(String name, int fd, int size, int pageSize, Pointer consumerMapping, Pointer producerMapping) {
        this.name = name;
        this.fd = fd;
        this.size = size;
        this.pageSize = pageSize;
        this.consumerMapping = consumerMapping;
        this.producerMapping = producerMapping;
        ByteBuffer consumerPage = consumerMapping.getByteBuffer(0, pageSize).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer producerPage = producerMapping.getByteBuffer(0, pageSize).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer data = producerMapping.getByteBuffer(pageSize, 2L * size).order(ByteOrder.LITTLE_ENDIAN);
        this.regions = new RingRegions(consumerPage, producerPage, data);
    }

    /**
     * Maps the ring buffer map behind {@code fd}.
     *
     * @param name for messages (the map name, with the shard for a ring set)
     * @param fd   fd of a {@code BPF_MAP_TYPE_RINGBUF} map
     * @param size its {@code max_entries}: a power of two, a multiple of the page size
     * @throws IllegalArgumentException if size cannot be a ring size
     * @throws IllegalStateException    if mmap fails (the message says why)
     */
    public static MappedRing map(String name, int fd, int size) {
        Objects.requireNonNull(name, "name");
        LibC.requireAvailable();
        int pageSize = PageSize.get();
        RingBufferDescriptor.checkSize(size);
        if (size % pageSize != 0) {
            throw new IllegalArgumentException("ring '" + name + "': size " + size + " is not a multiple of the page size "
                    + pageSize);
        }
        if (2L * size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ring '" + name + "': size " + size
                    + " is too large for a Java view of its twice-mapped data area (at most 512 MiB)");
        }
        Pointer consumer = LibC.mmap(null, pageSize, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
        if (LibC.isMapFailed(consumer)) {
            throw mmapFailed(name, "consumer page (read-write, offset 0)", Native.getLastError());
        }
        long producerLength = pageSize + 2L * size;
        Pointer producer = LibC.mmap(null, producerLength, LibC.PROT_READ, LibC.MAP_SHARED, fd, pageSize);
        if (LibC.isMapFailed(producer)) {
            int errno = Native.getLastError();
            LibC.munmap(consumer, pageSize);
            throw mmapFailed(name, "producer page and data area (read-only, offset " + pageSize + ", " + producerLength
                    + " bytes)", errno);
        }
        try {
            return new MappedRing(name, fd, size, pageSize, consumer, producer);
        } catch (RuntimeException e) {
            LibC.munmap(producer, producerLength);
            LibC.munmap(consumer, pageSize);
            throw e;
        }
    }

    private static IllegalStateException mmapFailed(String name, String what, int errno) {
        return new IllegalStateException("ring '" + name + "': mmap of the " + what + " failed: " + Errno.describe(errno));
    }

    /** The three regions the core reader works on; valid until {@link #close()}. */
    public RingRegions regions() {
        if (consumerMapping == null) {
            throw new IllegalStateException("ring '" + name + "' is unmapped");
        }
        return regions;
    }

    public String name() {
        return name;
    }

    /** The map's fd (for epoll), not owned by this object. */
    public int fd() {
        return fd;
    }

    /** Data bytes ({@code max_entries}). */
    public int size() {
        return size;
    }

    /** Unmaps the ring. Idempotent. */
    @Override
    public void close() {
        if (consumerMapping == null) {
            return;
        }
        int producerRc = LibC.munmap(producerMapping, pageSize + 2L * size);
        int producerErrno = Native.getLastError();
        int consumerRc = LibC.munmap(consumerMapping, pageSize);
        int consumerErrno = Native.getLastError();
        consumerMapping = null;
        producerMapping = null;
        if (producerRc != 0 || consumerRc != 0) {
            throw new IllegalStateException("ring '" + name + "': munmap failed: "
                    + Errno.describe(producerRc != 0 ? producerErrno : consumerErrno));
        }
    }

    @Override
    public String toString() {
        return "MappedRing[" + name + ", " + size + " bytes]";
    }
}
