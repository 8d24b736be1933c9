package dev.frameloop.collector.ring;

import java.util.Objects;

/**
 * One mapped ring of a loaded object: a single ring ({@code fl_rb_<stream>}, shard 0) or one
 * shard of a ring set ({@code fl_rbs_<stream>}).
 *
 * @param id     ring id the consumer passes to handlers (index in {@link KernelRings#rings()})
 * @param name   {@code fl_rb_input}, or {@code fl_rbs_input[3]} for shard 3 of a set
 * @param stream what the ring carries
 * @param shard  shard index (0 for a single ring)
 * @param mapped the mapping
 */
public record KernelRing(int id, String name, RingStream stream, int shard, MappedRing mapped) {
    public KernelRing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(mapped, "mapped");
    }
}
