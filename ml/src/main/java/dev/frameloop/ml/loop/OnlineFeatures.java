package dev.frameloop.ml.loop;

import dev.frameloop.core.event.DeadlineMissEvent;
import dev.frameloop.core.event.DeadlineMissEventFlyweight;
import dev.frameloop.core.event.FrameTimingEvent;
import dev.frameloop.core.event.GpuSubmitEvent;
import dev.frameloop.core.event.InputEvent;
import dev.frameloop.core.event.MigrationEvent;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.event.TaskStatsEvent;
import dev.frameloop.core.event.ThreadClassEvent;
import dev.frameloop.core.event.EventHeaderFlyweight;
import dev.frameloop.core.event.EventHeaderLayout;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import dev.frameloop.core.event.GpuSubmitEventFlyweight;
import dev.frameloop.core.event.InputEventFlyweight;
import dev.frameloop.core.event.MigrationEventFlyweight;
import dev.frameloop.core.event.ProcessEventFlyweight;
import dev.frameloop.core.event.TaskStatsEventFlyweight;
import dev.frameloop.core.event.ThreadClassEventFlyweight;
import dev.frameloop.core.ring.EventHandler;
import dev.frameloop.ml.features.FeatureEvents;
import dev.frameloop.ml.features.SessionEvents;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The live side of the feature code: a ring {@link EventHandler} that reads each record in place
 * with a per-type flyweight and feeds the same incremental state training uses
 * ({@link dev.frameloop.ml.features.ThreadRoleWindows}, {@link dev.frameloop.ml.features.FrameWindows}).
 * Only the {@link SessionEvents#USED} types become records (one small record per such event, the
 * only allocation); other types are counted and skipped without allocating.
 *
 * <p>The feature state needs timestamp order. Several rings (one per CPU or per producer) can hand
 * over an older event after a newer one: with a reorder window of {@code reorderNs}, events are held
 * until an event {@code reorderNs} newer has arrived and released in timestamp order (ties in arrival
 * order); an event older than one already released is dropped and counted in {@link #outOfOrder()}
 * rather than corrupting the windows. A record whose header names an unknown
 * type, another layout version or a length shorter than the type is counted in {@link #malformed()}.
 * Single consumer thread; not thread-safe.
 */
public final class OnlineFeatures implements EventHandler {
    private final List<FeatureEvents> consumers;
    private final EventHeaderFlyweight header = new EventHeaderFlyweight();
    private final TaskStatsEventFlyweight taskStats = new TaskStatsEventFlyweight();
    private final FrameTimingEventFlyweight frameTiming = new FrameTimingEventFlyweight();
    private final GpuSubmitEventFlyweight gpuSubmit = new GpuSubmitEventFlyweight();
    private final InputEventFlyweight input = new InputEventFlyweight();
    private final MigrationEventFlyweight migration = new MigrationEventFlyweight();
    private final DeadlineMissEventFlyweight deadlineMiss = new DeadlineMissEventFlyweight();
    private final ThreadClassEventFlyweight threadClass = new ThreadClassEventFlyweight();
    private final ProcessEventFlyweight process = new ProcessEventFlyweight();
    private final long[] fedByType = new long[EventType.values().length];
    private final long reorderNs;
    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private long newestNs = Long.MIN_VALUE;
    private long arrivals;
    private long lastTimestampNs = Long.MIN_VALUE;
    private long skipped;
    private long outOfOrder;
    private long malformed;

    /** Feeds every used event to each consumer, in the order given, as it comes (no reordering). */
    public OnlineFeatures(List<? extends FeatureEvents> consumers) {
        this(consumers, 0);
    }

    /** Feeds every used event to each consumer, in the order given, reordered within {@code reorderNs}. */
    public OnlineFeatures(List<? extends FeatureEvents> consumers, long reorderNs) {
        if (reorderNs < 0) {
            throw new IllegalArgumentException("reorder window must be >= 0 ns, was " + reorderNs);
        }
        this.reorderNs = reorderNs;
        this.consumers = List.copyOf(consumers);
        if (this.consumers.isEmpty()) {
            throw new IllegalArgumentException("online features need at least one consumer");
        }
    }

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        header.wrap(buffer, offset);
        int code = header.type();
        if (length < EventHeaderLayout.SIZE || !EventType.isKnownCode(code)) {
            malformed++;
            return;
        }
        EventType type = EventType.fromCode(code);
        if (header.version() != type.version() || length < type.size()) {
            malformed++;
            return;
        }
        if (!SessionEvents.USED.contains(type)) {
            skipped++;
            return;
        }
        Record event = switch (type) {
            case TASK_STATS -> taskStats.wrap(buffer, offset).toRecord();
            case FRAME_TIMING -> frameTiming.wrap(buffer, offset).toRecord();
            case GPU_SUBMIT -> gpuSubmit.wrap(buffer, offset).toRecord();
            case INPUT -> input.wrap(buffer, offset).toRecord();
            case MIGRATION -> migration.wrap(buffer, offset).toRecord();
            case DEADLINE_MISS -> deadlineMiss.wrap(buffer, offset).toRecord();
            case THREAD_CLASS -> threadClass.wrap(buffer, offset).toRecord();
            case PROCESS -> process.wrap(buffer, offset).toRecord();
            default -> throw new IllegalStateException("USED lists " + type + " but no flyweight reads it");
        };
        feed(type, header.timestampNs(), event);
    }

    /** Feeds an event that is already a record (replay from a recorded session). */
    public void accept(Record event) {
        Objects.requireNonNull(event, "event");
        EventType type;
        long timestampNs;
        if (event instanceof TaskStatsEvent e) {
            type = EventType.TASK_STATS;
            timestampNs = e.timestampNs();
        } else if (event instanceof FrameTimingEvent e) {
            type = EventType.FRAME_TIMING;
            timestampNs = e.timestampNs();
        } else if (event instanceof GpuSubmitEvent e) {
            type = EventType.GPU_SUBMIT;
            timestampNs = e.timestampNs();
        } else if (event instanceof InputEvent e) {
            type = EventType.INPUT;
            timestampNs = e.timestampNs();
        } else if (event instanceof MigrationEvent e) {
            type = EventType.MIGRATION;
            timestampNs = e.timestampNs();
        } else if (event instanceof DeadlineMissEvent e) {
            type = EventType.DEADLINE_MISS;
            timestampNs = e.timestampNs();
        } else if (event instanceof ThreadClassEvent e) {
            type = EventType.THREAD_CLASS;
            timestampNs = e.timestampNs();
        } else if (event instanceof ProcessEvent e) {
            type = EventType.PROCESS;
            timestampNs = e.timestampNs();
        } else {
            skipped++;
            return;
        }
        feed(type, timestampNs, event);
    }

    private void feed(EventType type, long timestampNs, Record event) {
        if (timestampNs < lastTimestampNs) {
            outOfOrder++;
            return;
        }
        if (reorderNs == 0) {
            release(type, timestampNs, event);
            return;
        }
        held.add(new Held(timestampNs, arrivals++, type, event));
        newestNs = Math.max(newestNs, timestampNs);
        while (!held.isEmpty() && held.peek().timestampNs() <= newestNs - reorderNs) {
            Held h = held.poll();
            release(h.type(), h.timestampNs(), h.event());
        }
    }

    private void release(EventType type, long timestampNs, Record event) {
        lastTimestampNs = timestampNs;
        fedByType[type.ordinal()]++;
        for (FeatureEvents consumer : consumers) {
            consumer.accept(event);
        }
    }

    /** Releases the held events and closes the open windows (end of a replay, or the loop stopping). */
    public void finish() {
        while (!held.isEmpty()) {
            Held h = held.poll();
            release(h.type(), h.timestampNs(), h.event());
        }
        for (FeatureEvents consumer : consumers) {
            consumer.finish();
        }
    }

    /** Timestamp of the newest event fed to the features (Long.MIN_VALUE before the first). */
    public long lastTimestampNs() {
        return lastTimestampNs;
    }

    /** Events of {@code type} fed to the feature state. */
    public long fed(EventType type) {
        return fedByType[type.ordinal()];
    }

    /** Events fed to the feature state, all types. */
    public long fed() {
        long n = 0;
        for (long c : fedByType) {
            n += c;
        }
        return n;
    }

    /** Events of types no feature reads (e.g. policy_applied), skipped. */
    public long skipped() {
        return skipped;
    }

    /** Events older than one already fed, dropped. */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** Records with an unknown type, another layout version or too short, dropped. */
    public long malformed() {
        return malformed;
    }

    private record Held(long timestampNs, long arrival, EventType type, Record event) implements Comparable<Held> {
        @Override
        public int compareTo(Held o) {
            int c = Long.compare(timestampNs, o.timestampNs);
            return c != 0 ? c : Long.compare(arrival, o.arrival);
        }
    }
}
