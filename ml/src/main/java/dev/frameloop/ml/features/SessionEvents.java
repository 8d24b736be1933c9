package dev.frameloop.ml.features;

import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventRecords;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The batch side of the feature code: one session's events of the types the features use, merged
 * into one list in timestamp order (ties: {@link EventType} order, then file order), ready to be fed
 * to {@link FeatureEvents} one by one as the live loop feeds them from the rings. Holds the
 * session's events in memory.
 */
public final class SessionEvents {
    /** The event types any feature reads. */
    public static final Set<EventType> USED = EnumSet.of(EventType.TASK_STATS, EventType.FRAME_TIMING,
            EventType.GPU_SUBMIT, EventType.INPUT, EventType.MIGRATION, EventType.DEADLINE_MISS,
            EventType.THREAD_CLASS, EventType.PROCESS);

    private SessionEvents() {
    }

    /**
     * Every event of the {@link #USED} types in {@code session}, in timestamp order.
     *
     * @throws FeatureInputException if a type in {@code required} has no rows in the session
     */
    public static List<Record> read(SessionReader session, Set<EventType> required) throws IOException {
        List<String> present = session.eventTypes();
        for (EventType type : required) {
            if (!present.contains(EventTables.tableName(type))) {
                throw new FeatureInputException("session " + session.id() + " has no " + EventTables.tableName(type)
                        + " events, which this task needs (it has: " + (present.isEmpty() ? "none" : String.join(", ", present))
                        + "); " + (type == EventType.FRAME_TIMING
                                ? "record a presenting workload where a frame-timing source attaches (frameloop doctor"
                                        + " shows the source of each event type)"
                                : "record with the scheduler running (frameloop record --mode scheduler)")
                        + " or leave the session out");
            }
        }
        List<Stamped> stamped = new ArrayList<>();
        for (EventType type : USED) {
            if (!present.contains(EventTables.tableName(type))) {
                continue;
            }
            EventRecords<? extends Record> mapper = EventRecords.of(type);
            int order = type.ordinal();
            mapper.forEach(session, event -> stamped.add(new Stamped(timestamp(event), order, stamped.size(), event)));
        }
        stamped.sort(Comparator.comparingLong(Stamped::timestampNs).thenComparingInt(Stamped::typeOrder)
                .thenComparingInt(Stamped::readOrder));
        List<Record> events = new ArrayList<>(stamped.size());
        for (Stamped s : stamped) {
            events.add(s.event());
        }
        return events;
    }

    /** Feeds every event to each consumer in turn, then finishes them. */
    public static void feed(List<Record> events, FeatureEvents... consumers) {
        for (Record event : events) {
            for (FeatureEvents consumer : consumers) {
                consumer.accept(event);
            }
        }
        for (FeatureEvents consumer : consumers) {
            consumer.finish();
        }
    }

    private static final ClassValue<java.lang.invoke.MethodHandle> TIMESTAMP = new ClassValue<>() {
        @Override
        protected java.lang.invoke.MethodHandle computeValue(Class<?> type) {
            try {
                return java.lang.invoke.MethodHandles.publicLookup()
                        .findVirtual(type, "timestampNs", java.lang.invoke.MethodType.methodType(long.class))
                        .asType(java.lang.invoke.MethodType.methodType(long.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " has no timestampNs()", e);
            }
        }
    };

    /** The header timestamp of an event record. */
    public static long timestamp(Record event) {
        try {
            return (long) TIMESTAMP.get(event.getClass()).invokeExact((Object) event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("timestampNs() of " + event.getClass() + " failed", e);
        }
    }

    private record Stamped(long timestampNs, int typeOrder, int readOrder, Record event) {
    }
}
