package dev.frameloop.collector.ring;

import dev.frameloop.core.event.EventType;

import java.util.Locale;
import java.util.Optional;

/**
 * The streams a BPF object can write rings for, with the ids {@code rings.bpf.h} counts drops
 * under ({@code fl_ring_drops[id * FL_RING_SHARDS_MAX + shard]}) and the name its ring maps carry
 * ({@code fl_rb_<name>} for a single ring, {@code fl_rbs_<name>} for a ring set). An event stream's
 * id is its {@link EventType} code and its name the type's name in lower case.
 */
public enum RingStream {
    BENCH(0, "bench", null),
    INPUT(EventType.INPUT),
    PROCESS(EventType.PROCESS),
    FRAME_TIMING(EventType.FRAME_TIMING),
    GPU_SUBMIT(EventType.GPU_SUBMIT),
    MIGRATION(EventType.MIGRATION),
    THREAD_CLASS(EventType.THREAD_CLASS),
    DEADLINE_MISS(EventType.DEADLINE_MISS),
    TASK_STATS(EventType.TASK_STATS),
    POLICY_APPLIED(EventType.POLICY_APPLIED),
    BENCH_SET(15, "bench_set", null);

    /** {@code FL_RING_SHARDS_MAX}: shards per stream in the drop counters, and the most a ring set may have. */
    public static final int SHARDS_MAX = 64;
    /** {@code FL_RING_STREAMS_MAX}: stream ids are below this. */
    public static final int STREAMS_MAX = 16;
    /** Name prefix of a single ring map. */
    public static final String SINGLE_PREFIX = "fl_rb_";
    /** Name prefix of a ring set (array of ring maps). */
    public static final String SET_PREFIX = "fl_rbs_";

    private final int id;
    private final String streamName;
    private final EventType eventType;

    RingStream(EventType type) {
        this(type.code(), type.name().toLowerCase(Locale.ROOT), type);
    }

    RingStream(int id, String streamName, EventType eventType) {
        this.id = id;
        this.streamName = streamName;
        this.eventType = eventType;
    }

    /** Stream id: the row of this stream in {@code fl_ring_drops} and its index in {@code fl_ring_shards}. */
    public int id() {
        return id;
    }

    /** {@code input}, {@code frame_timing}, {@code bench}: the {@code <stream>} of the ring map names. */
    public String streamName() {
        return streamName;
    }

    /** The event type the ring carries; empty for the benchmark streams (records without an event header). */
    public Optional<EventType> eventType() {
        return Optional.ofNullable(eventType);
    }

    /** Name of this stream's single ring map. */
    public String singleRingName() {
        return SINGLE_PREFIX + streamName;
    }

    /** Name of this stream's ring set map. */
    public String ringSetName() {
        return SET_PREFIX + streamName;
    }

    /** The stream of a ring map named by the convention: the single ring or the set. */
    public static Optional<RingStream> ofSingleRing(String mapName) {
        return ofName(mapName, SINGLE_PREFIX);
    }

    /** The stream of a ring set map named by the convention. */
    public static Optional<RingStream> ofRingSet(String mapName) {
        return ofName(mapName, SET_PREFIX);
    }

    private static Optional<RingStream> ofName(String mapName, String prefix) {
        if (!mapName.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = mapName.substring(prefix.length());
        for (RingStream stream : values()) {
            if (stream.streamName.equals(name)) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }
}
