package dev.frameloop.collector.ring;

import dev.frameloop.collector.bpf.BpfObject;

import java.util.List;
import java.util.Objects;

/**
 * The rings of an opened, not yet loaded, object as {@link KernelRings#configure} sized them.
 * After {@link BpfObject#load()}, {@link #open()} maps them.
 *
 * @param object   the object
 * @param rings    one entry per ring map found by the naming convention
 * @param memlock  what happened to RLIMIT_MEMLOCK
 */
public record RingPlan(BpfObject object, List<PlannedRing> rings, MemlockBudget.Outcome memlock) {

    /** A ring map and the size it was given. */
    public record PlannedRing(String mapName, RingStream stream, RingSize size) {
    }

    public RingPlan {
        Objects.requireNonNull(object, "object");
        rings = List.copyOf(rings);
    }

    /** Maps every planned ring (creating and inserting the shards of ring sets); the object must be loaded. */
    public KernelRings open() {
        return KernelRings.open(this);
    }

    /** Data bytes of every planned ring. */
    public long totalBytes() {
        long total = 0;
        for (PlannedRing ring : rings) {
            total += ring.size().totalBytes();
        }
        return total;
    }
}
