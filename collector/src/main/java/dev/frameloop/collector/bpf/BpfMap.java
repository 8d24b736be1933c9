package dev.frameloop.collector.bpf;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibBpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One map of a {@link BpfObject}: configuration before load, element access after. A view, valid
 * while the object is open. Keys and values are raw bytes in the kernel's (native, little-endian) order.
 */
public final class BpfMap {
    private final BpfObject owner;
    private final Pointer map;

    BpfMap(BpfObject owner, Pointer map) {
        this.owner = owner;
        this.map = map;
    }

    /** libbpf's name: the C name, or {@code <object>.bss}-style for internal maps. */
    public String name() {
        owner.handle();
        return LibBpf.bpf_map__name(map);
    }

    /** {@code enum bpf_map_type}, e.g. {@link LibBpf#BPF_MAP_TYPE_ARRAY}. */
    public int type() {
        owner.handle();
        return LibBpf.bpf_map__type(map);
    }

    public int keySize() {
        owner.handle();
        return LibBpf.bpf_map__key_size(map);
    }

    /** Size of one value; for per-CPU maps, of one CPU's value (see {@link #lookupBufferSize()}). */
    public int valueSize() {
        owner.handle();
        return LibBpf.bpf_map__value_size(map);
    }

    public int maxEntries() {
        owner.handle();
        return LibBpf.bpf_map__max_entries(map);
    }

    public boolean isPerCpu() {
        return type() == LibBpf.BPF_MAP_TYPE_PERCPU_ARRAY;
    }

    /**
     * Bytes a lookup writes: the value size, or for per-CPU maps one 8-byte-aligned value per
     * possible CPU, CPU 0 first.
     */
    public int lookupBufferSize() {
        if (!isPerCpu()) {
            return valueSize();
        }
        int cpus = LibBpf.libbpf_num_possible_cpus();
        if (cpus <= 0) {
            throw new BpfException("counting possible CPUs", cpus, "");
        }
        return perCpuStride() * cpus;
    }

    /** Distance between two CPUs' values in a per-CPU lookup buffer. */
    public int perCpuStride() {
        return (valueSize() + 7) & ~7;
    }

    public void setMaxEntries(int maxEntries) {
        owner.requireNotLoaded("resizing map " + name());
        check("resizing map " + name(), LibBpf.bpf_map__set_max_entries(map, maxEntries));
    }

    /**
     * The inner map template of a map-in-map (e.g. {@code BPF_MAP_TYPE_ARRAY_OF_MAPS}): resize it before
     * load to set the size of the maps the outer map accepts.
     */
    public BpfMap innerMap() {
        owner.handle();
        Pointer inner = LibBpf.bpf_map__inner_map(map);
        if (inner == null) {
            throw new IllegalStateException("map " + name() + " is not a map-in-map (no inner map template)");
        }
        return new BpfMap(owner, inner);
    }

    /**
     * The initial contents of an internal map ({@code .rodata}, {@code .data}, {@code .bss}) as a little-endian
     * view of libbpf's copy: what is written here before load is what the programs see ({@code const volatile}
     * globals in {@code .rodata} become constants for the verifier). Before load only; valid while the object
     * is open and not loaded.
     */
    public ByteBuffer initialValue() {
        owner.requireNotLoaded("setting the initial value of map " + name());
        LongByReference size = new LongByReference();
        Pointer value = LibBpf.bpf_map__initial_value(map, size);
        if (value == null) {
            throw new IllegalStateException("map " + name() + " has no initial value (not an internal data map)");
        }
        return value.getByteBuffer(0, size.getValue()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Pins the map at {@code path} in a bpffs mount, so another process can open it; unlink the file to unpin. */
    public void pin(Path path) {
        int rc = LibBpf.bpf_obj_pin(fd(), path.toString());
        if (rc < 0) {
            throw new BpfException("pinning map " + name() + " at " + path, rc == -1 ? -Native.getLastError() : rc, "");
        }
    }

    /** Whether load creates this map (false: the map and programs using it are left out). Before load only. */
    public void setAutocreate(boolean autocreate) {
        owner.requireNotLoaded("setting autocreate of map " + name());
        check("setting autocreate of map " + name(), LibBpf.bpf_map__set_autocreate(map, autocreate));
    }

    /** Replaces the map's BPF_F_* creation flags. Before load only. */
    public void setMapFlags(int flags) {
        owner.requireNotLoaded("setting flags of map " + name());
        check("setting flags of map " + name(), LibBpf.bpf_map__set_map_flags(map, flags));
    }

    /** The libbpf map for attach calls; the object must be loaded. */
    Pointer handleForAttach() {
        owner.requireLoaded("attaching map " + name());
        return map;
    }

    public int fd() {
        owner.requireLoaded("the fd of map " + name());
        int fd = LibBpf.bpf_map__fd(map);
        check("getting the fd of map " + name(), fd);
        return fd;
    }

    /** Copies the value of key into value (sized {@link #lookupBufferSize()}); false when there is no such key. */
    public boolean lookup(byte[] key, byte[] value) {
        checkSizes(key.length, value.length);
        return found("looking up", LibBpf.bpf_map_lookup_elem(fd(), key, value));
    }

    /** As {@link #lookup(byte[], byte[])}, for direct buffers (read from/written at address 0 of each). */
    public boolean lookup(ByteBuffer key, ByteBuffer value) {
        requireDirect(key, value);
        checkSizes(key.capacity(), value.capacity());
        return found("looking up", LibBpf.bpf_map_lookup_elem(fd(), key, value));
    }

    /**
     * Looks up key in a per-CPU map whose values are {@code layout} structs: one view per possible CPU,
     * CPU 0 first; empty when there is no such key.
     */
    public List<StructView> lookupPerCpu(byte[] key, StructLayout layout) {
        if (!isPerCpu()) {
            throw new IllegalStateException("map " + name() + " is not per-CPU");
        }
        if (layout.size() != valueSize()) {
            throw new IllegalArgumentException("map " + name() + " has " + valueSize() + "-byte values, struct "
                    + layout.name() + " is " + layout.size());
        }
        byte[] value = new byte[lookupBufferSize()];
        if (!lookup(key, value)) {
            return List.of();
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        List<StructView> views = new ArrayList<>();
        for (int at = 0; at + layout.size() <= value.length; at += perCpuStride()) {
            views.add(new StructView(layout, buffer, at));
        }
        return views;
    }

    /** Sets key to value; flags {@link LibBpf#BPF_ANY} (create or replace) or BPF_NOEXIST/BPF_EXIST. */
    public void update(byte[] key, byte[] value, long flags) {
        checkSizes(key.length, value.length);
        check("updating map " + name(), LibBpf.bpf_map_update_elem(fd(), key, value, flags));
    }

    public void update(ByteBuffer key, ByteBuffer value, long flags) {
        requireDirect(key, value);
        checkSizes(key.capacity(), value.capacity());
        check("updating map " + name(), LibBpf.bpf_map_update_elem(fd(), key, value, flags));
    }

    /** Removes key; false when it was not there. */
    public boolean delete(byte[] key) {
        checkKeySize(key.length);
        return found("deleting from", LibBpf.bpf_map_delete_elem(fd(), key));
    }

    public boolean delete(ByteBuffer key) {
        requireDirect(key, key);
        checkKeySize(key.capacity());
        return found("deleting from", LibBpf.bpf_map_delete_elem(fd(), key));
    }

    /**
     * Every key of a hash map at the time of the walk (a key deleted during it may be skipped by the kernel's
     * iteration, one added may be missed: fine for a snapshot).
     */
    public List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        byte[] key = null;
        while (true) {
            byte[] next = new byte[keySize()];
            int rc = LibBpf.bpf_map_get_next_key(fd(), key, next);
            if (rc == -Errno.ENOENT) {
                return keys;
            }
            check("listing the keys of map " + name(), rc);
            keys.add(next);
            key = next;
        }
    }

    private boolean found(String verb, int rc) {
        if (rc == -Errno.ENOENT) {
            return false;
        }
        check(verb + " map " + name(), rc);
        return true;
    }

    private void checkSizes(int keyBytes, int valueBytes) {
        checkKeySize(keyBytes);
        if (valueBytes < lookupBufferSize()) {
            throw new IllegalArgumentException("map " + name() + " needs a " + lookupBufferSize() + "-byte value buffer, got " + valueBytes);
        }
    }

    private void checkKeySize(int keyBytes) {
        if (keyBytes != keySize()) {
            throw new IllegalArgumentException("map " + name() + " has " + keySize() + "-byte keys, got " + keyBytes);
        }
    }

    private static void requireDirect(ByteBuffer key, ByteBuffer value) {
        if (!key.isDirect() || !value.isDirect()) {
            throw new IllegalArgumentException("map access through ByteBuffers needs direct buffers (ByteBuffer.allocateDirect)");
        }
    }

    private static void check(String what, int rc) {
        if (rc < 0) {
            throw new BpfException(what, rc, "");
        }
    }

    @Override
    public String toString() {
        return "BpfMap[" + name() + "]";
    }
}
