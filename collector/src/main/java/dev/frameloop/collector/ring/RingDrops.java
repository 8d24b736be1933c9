package dev.frameloop.collector.ring;

import dev.frameloop.collector.bpf.BpfMap;
import dev.frameloop.collector.jna.LibBpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Reads {@code fl_ring_drops}, the per-CPU array where every producer counts the records it
 * could not reserve ({@code rings.bpf.h}): the count of a stream's shard is the sum over CPUs
 * of {@code fl_ring_drops[stream * 64 + shard]}. Valid while the object is open.
 */
public final class RingDrops {
    /** Name of the drop counter map. */
    public static final String MAP_NAME = "fl_ring_drops";

    private final BpfMap map;

    RingDrops(BpfMap map) {
        this.map = Objects.requireNonNull(map, "map");
        if (map.type() != LibBpf.BPF_MAP_TYPE_PERCPU_ARRAY || map.keySize() != 4 || map.valueSize() != 8
                || map.maxEntries() != RingStream.STREAMS_MAX * RingStream.SHARDS_MAX) {
            throw new IllegalStateException("map " + MAP_NAME + " is not the per-CPU u64 array of "
                    + RingStream.STREAMS_MAX + " x " + RingStream.SHARDS_MAX + " entries rings.bpf.h declares");
        }
    }

    /** Drops of one shard of a stream (shard 0 for a single ring), summed over CPUs. */
    public long drops(RingStream stream, int shard) {
        if (shard < 0 || shard >= RingStream.SHARDS_MAX) {
            throw new IllegalArgumentException("shard must be in [0, " + RingStream.SHARDS_MAX + "), got " + shard);
        }
        ByteBuffer key = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        key.putInt(0, stream.id() * RingStream.SHARDS_MAX + shard);
        byte[] values = new byte[map.lookupBufferSize()];
        if (!map.lookup(key.array(), values)) {
            throw new IllegalStateException(MAP_NAME + " has no entry for stream " + stream.streamName() + " shard " + shard);
        }
        ByteBuffer perCpu = ByteBuffer.wrap(values).order(ByteOrder.LITTLE_ENDIAN);
        long sum = 0;
        for (int at = 0; at + 8 <= values.length; at += map.perCpuStride()) {
            sum += perCpu.getLong(at);
        }
        return sum;
    }

    /** Drops of every shard of a stream, summed. */
    public long drops(RingStream stream, RingSize size) {
        long sum = 0;
        for (int shard = 0; shard < size.shards(); shard++) {
            sum += drops(stream, shard);
        }
        return sum;
    }
}
