package dev.frameloop.collector.ring;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfMap;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.ObjectBtf;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.jna.LibC;
import dev.frameloop.core.btf.LayoutMismatchException;
import dev.frameloop.core.btf.LayoutVerifier;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Owner of every ring buffer of a loaded BPF object, found by the naming convention of
 * {@code rings.bpf.h}: single rings ({@code fl_rb_<stream>}) are mapped as they are; for ring
 * sets ({@code fl_rbs_<stream>}) each shard is created here, at the configured size ({@code bpf_map_create} of a
 * {@code BPF_MAP_TYPE_RINGBUF}), inserted into the outer map and mapped. {@link #close()} unmaps
 * every ring and closes the shard fds (the outer map keeps its own references while the object
 * lives).
 *
 * <p>Two steps, around {@link BpfObject#load()}:
 * <pre>
 *   RingPlan plan = KernelRings.configure(object, sizes);   // wire format check, sizes, shard counts
 *   object.load();
 *   try (KernelRings rings = plan.open()) { ... }
 * </pre>
 */
public final class KernelRings implements AutoCloseable {
    /** The {@code .rodata} array of shard counts per stream id. */
    static final String SHARDS_VARIABLE = "fl_ring_shards";

    private final String objectName;
    private final List<KernelRing> rings;
    private final List<Integer> shardFds;
    private final RingDrops drops;
    private boolean closed;

    private KernelRings(String objectName, List<KernelRing> rings, List<Integer> shardFds, RingDrops drops) {
        this.objectName = objectName;
        this.rings = List.copyOf(rings);
        this.shardFds = List.copyOf(shardFds);
        this.drops = drops;
    }

    /**
     * Before load: checks the object's wire format against the Java mirror (before any ring is read),
     * sizes every ring by {@code sizes} (single rings: {@code max_entries}; sets: shard count on the
     * outer map and in {@code fl_ring_shards} in {@code .rodata}; the shards' bytes when {@link RingPlan#open()}
     * creates them),
     * and makes room under RLIMIT_MEMLOCK.
     *
     * @throws LayoutMismatchException naming the object and the first differing field
     * @throws IllegalStateException   if a ring map does not look like rings.bpf.h declares it
     */
    public static RingPlan configure(BpfObject object, RingSizes sizes) {
        verifyWireFormat(object);
        List<RingPlan.PlannedRing> planned = new ArrayList<>();
        Map<Integer, Integer> setShards = new TreeMap<>();
        for (BpfMap map : object.maps()) {
            String name = map.name();
            Optional<RingStream> single = RingStream.ofSingleRing(name);
            Optional<RingStream> set = RingStream.ofRingSet(name);
            if (single.isPresent()) {
                RingSize size = sizes.of(single.get());
                requireType(object, map, LibBpf.BPF_MAP_TYPE_RINGBUF, "a ring buffer (FL_RING)");
                if (size.shards() != 1) {
                    throw new IllegalArgumentException(object.name() + ".bpf.o declares " + name
                            + " as a single ring; its size must be one ring (e.g. 256KiB), got " + size);
                }
                map.setMaxEntries(size.bytesPerRing());
                planned.add(new RingPlan.PlannedRing(name, single.get(), size));
            } else if (set.isPresent()) {
                RingSize size = sizes.of(set.get());
                requireType(object, map, LibBpf.BPF_MAP_TYPE_ARRAY_OF_MAPS, "a ring set (FL_RING_SET)");
                BpfMap inner = map.innerMap();
                if (inner.type() != LibBpf.BPF_MAP_TYPE_RINGBUF) {
                    throw new IllegalStateException(object.name() + ".bpf.o: the shards of " + name + " are not ring buffers");
                }
                // The shards get their size when they are created (open). The inner map template keeps its
                // declared size: libbpf 1.1.2's bpf_map__set_max_entries dereferences the template's null
                // owner (a crash), and the kernel does not compare a ring buffer's max_entries with the
                // template's when a shard is inserted (bpf_map_meta_equal: type, key/value size, flags).
                map.setMaxEntries(size.shards());
                setShards.put(set.get().id(), size.shards());
                planned.add(new RingPlan.PlannedRing(name, set.get(), size));
            }
        }
        if (!setShards.isEmpty()) {
            writeShardCounts(object, setShards);
        }
        long ringBytes = 0;
        for (RingPlan.PlannedRing ring : planned) {
            ringBytes += ring.size().totalBytes();
        }
        MemlockBudget.Outcome memlock = MemlockBudget.ensure(ringBytes);
        return new RingPlan(object, planned, memlock);
    }

    /**
     * Checks every wire-format struct and enum of the Java mirror against the object's BTF.
     *
     * @throws LayoutMismatchException naming the object and the first differing field
     */
    public static void verifyWireFormat(BpfObject object) {
        try {
            LayoutVerifier.verifyWireFormat(object.elfBytes());
        } catch (LayoutMismatchException e) {
            List<String> named = new ArrayList<>(e.mismatches());
            named.set(0, object.name() + ".bpf.o: " + named.get(0));
            throw new LayoutMismatchException(named);
        }
    }

    static KernelRings open(RingPlan plan) {
        BpfObject object = plan.object();
        if (!object.isLoaded()) {
            throw new IllegalStateException("opening the rings of " + object.name() + ".bpf.o needs it loaded first");
        }
        List<KernelRing> rings = new ArrayList<>();
        List<Integer> shardFds = new ArrayList<>();
        try {
            RingDrops drops = plan.rings().isEmpty() ? null : new RingDrops(object.map(RingDrops.MAP_NAME));
            for (RingPlan.PlannedRing ring : plan.rings()) {
                BpfMap map = object.map(ring.mapName());
                int bytes = ring.size().bytesPerRing();
                if (RingStream.ofSingleRing(ring.mapName()).isPresent()) {
                    rings.add(new KernelRing(rings.size(), ring.mapName(), ring.stream(), 0,
                            MappedRing.map(ring.mapName(), map.fd(), bytes)));
                    continue;
                }
                for (int shard = 0; shard < ring.size().shards(); shard++) {
                    String name = ring.mapName() + "[" + shard + "]";
                    int fd = LibBpf.bpf_map_create(LibBpf.BPF_MAP_TYPE_RINGBUF, kernelName(ring.stream(), shard), 0, 0, bytes, null);
                    if (fd < 0) {
                        throw new BpfException("creating ring " + name + " (" + RingSize.human(bytes) + ")", fd, "");
                    }
                    shardFds.add(fd);
                    map.update(u32(shard), u32(fd), LibBpf.BPF_ANY);
                    rings.add(new KernelRing(rings.size(), name, ring.stream(), shard, MappedRing.map(name, fd, bytes)));
                }
            }
            return new KernelRings(object.name(), rings, shardFds, drops);
        } catch (RuntimeException e) {
            closeAll(rings, shardFds, e);
            throw e;
        }
    }

    /** Every ring, in id order. */
    public List<KernelRing> rings() {
        return rings;
    }

    /** The rings of one stream (one for a single ring, one per shard for a set). */
    public List<KernelRing> rings(RingStream stream) {
        List<KernelRing> found = new ArrayList<>();
        for (KernelRing ring : rings) {
            if (ring.stream() == stream) {
                found.add(ring);
            }
        }
        return found;
    }

    /** The drop counters of the object. */
    public RingDrops drops() {
        if (drops == null) {
            throw new IllegalStateException(objectName + ".bpf.o has no rings, hence no drop counters");
        }
        return drops;
    }

    /** Unmaps every ring and closes the shard fds. Consumers must have stopped. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(new ArrayList<>(rings), new ArrayList<>(shardFds), null);
    }

    private static void closeAll(List<KernelRing> rings, List<Integer> fds, RuntimeException pending) {
        RuntimeException first = pending;
        for (KernelRing ring : rings) {
            try {
                ring.mapped().close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        for (int fd : fds) {
            LibC.close(fd);
        }
        if (pending == null && first != null) {
            throw first;
        }
    }

    private static void writeShardCounts(BpfObject object, Map<Integer, Integer> setShards) {
        ObjectBtf.GlobalVariable variable;
        try {
            variable = object.btf().global(".rodata", SHARDS_VARIABLE);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(object.name() + ".bpf.o has ring sets but no " + SHARDS_VARIABLE
                    + " in .rodata: include frameloop/rings.bpf.h and reserve through fl_ring_set_reserve", e);
        }
        if (variable.size() != 4 * RingStream.STREAMS_MAX) {
            throw new IllegalStateException(object.name() + ".bpf.o: " + SHARDS_VARIABLE + " is " + variable.size()
                    + " bytes, expected " + 4 * RingStream.STREAMS_MAX);
        }
        ByteBuffer rodata = object.map(".rodata").initialValue();
        for (Map.Entry<Integer, Integer> entry : setShards.entrySet()) {
            rodata.putInt(variable.offset() + 4 * entry.getKey(), entry.getValue());
        }
    }

    private static void requireType(BpfObject object, BpfMap map, int type, String what) {
        if (map.type() != type) {
            throw new IllegalStateException(object.name() + ".bpf.o: map " + map.name() + " is named like " + what
                    + " but has map type " + map.type());
        }
    }

    /** Kernel map names hold 15 characters: {@code flrb15_3} for shard 3 of stream 15. */
    private static String kernelName(RingStream stream, int shard) {
        return "flrb" + stream.id() + "_" + shard;
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value).array();
    }

}
