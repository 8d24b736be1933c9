package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.TableCatalog;
import dev.frameloop.core.event.DeadlineMissEvent;
import dev.frameloop.core.event.DeadlineMissEventFlyweight;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameTimingEvent;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import dev.frameloop.core.event.GpuSubmitEvent;
import dev.frameloop.core.event.GpuSubmitEventFlyweight;
import dev.frameloop.core.event.InputEvent;
import dev.frameloop.core.event.InputEventFlyweight;
import dev.frameloop.core.event.MigrationEvent;
import dev.frameloop.core.event.MigrationEventFlyweight;
import dev.frameloop.core.event.PolicyAppliedEvent;
import dev.frameloop.core.event.PolicyAppliedEventFlyweight;
import dev.frameloop.core.event.PolicyDecisionEvent;
import dev.frameloop.core.event.PolicyDecisionEventFlyweight;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.event.ProcessEventFlyweight;
import dev.frameloop.core.event.TaskStatsEvent;
import dev.frameloop.core.event.TaskStatsEventFlyweight;
import dev.frameloop.core.event.ThreadClassEvent;
import dev.frameloop.core.event.ThreadClassEventFlyweight;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dataset tables of the wire format's event types: table {@code <type>} (the
 * {@link EventType} name in lower case, e.g. {@code frame_timing}) with the Avro schema in
 * {@code /dev/frameloop/core/dataset/avro/<type>.avsc}, and the binding from flyweight to row.
 */
public final class EventTables {
    /** Classpath folder of the {@code .avsc} files. */
    public static final String SCHEMA_RESOURCES = "/dev/frameloop/core/dataset/avro/";

    private static final Map<EventType, EventBinding<?>> BINDINGS = bindings();
    private static final Map<EventType, Schema> SCHEMAS = schemas();
    private static final TableCatalog CATALOG = catalogOf();

    private EventTables() {
    }

    /** The table name of an event type: its enum name in lower case. */
    public static String tableName(EventType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The event type stored in a table, if the name is one. */
    public static Optional<EventType> typeOf(String table) {
        for (EventType type : EventType.values()) {
            if (tableName(type).equals(table)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The current Avro schema of an event type. */
    public static Schema schema(EventType type) {
        return SCHEMAS.get(type);
    }

    /** The binding of an event type. */
    public static EventBinding<?> binding(EventType type) {
        return BINDINGS.get(type);
    }

    /** Every event type's table and schema, for readers and fsck. */
    public static TableCatalog catalog() {
        return CATALOG;
    }

    /**
     * Opens a dataset of frameloop recordings at a path or Hadoop URI, checked against these
     * tables: {@code EventTables.openDataset("/data/frameloop").latestSession()}.
     */
    public static Dataset openDataset(String location) throws IOException {
        return Dataset.open(location, CATALOG);
    }

    private static Map<EventType, EventBinding<?>> bindings() {
        Map<EventType, EventBinding<?>> bindings = new EnumMap<>(EventType.class);
        bindings.put(EventType.INPUT, new EventBinding<>(EventType.INPUT, InputEventFlyweight::new,
                InputEventEncoder::new, InputEvent.class));
        bindings.put(EventType.PROCESS, new EventBinding<>(EventType.PROCESS, ProcessEventFlyweight::new,
                ProcessEventEncoder::new, ProcessEvent.class));
        bindings.put(EventType.FRAME_TIMING, new EventBinding<>(EventType.FRAME_TIMING,
                FrameTimingEventFlyweight::new, FrameTimingEventEncoder::new, FrameTimingEvent.class));
        bindings.put(EventType.GPU_SUBMIT, new EventBinding<>(EventType.GPU_SUBMIT, GpuSubmitEventFlyweight::new,
                GpuSubmitEventEncoder::new, GpuSubmitEvent.class));
        bindings.put(EventType.MIGRATION, new EventBinding<>(EventType.MIGRATION, MigrationEventFlyweight::new,
                MigrationEventEncoder::new, MigrationEvent.class));
        bindings.put(EventType.THREAD_CLASS, new EventBinding<>(EventType.THREAD_CLASS,
                ThreadClassEventFlyweight::new, ThreadClassEventEncoder::new, ThreadClassEvent.class));
        bindings.put(EventType.DEADLINE_MISS, new EventBinding<>(EventType.DEADLINE_MISS,
                DeadlineMissEventFlyweight::new, DeadlineMissEventEncoder::new, DeadlineMissEvent.class));
        bindings.put(EventType.TASK_STATS, new EventBinding<>(EventType.TASK_STATS, TaskStatsEventFlyweight::new,
                TaskStatsEventEncoder::new, TaskStatsEvent.class));
        bindings.put(EventType.POLICY_APPLIED, new EventBinding<>(EventType.POLICY_APPLIED,
                PolicyAppliedEventFlyweight::new, PolicyAppliedEventEncoder::new, PolicyAppliedEvent.class));
        bindings.put(EventType.POLICY_DECISION, new EventBinding<>(EventType.POLICY_DECISION,
                PolicyDecisionEventFlyweight::new, PolicyDecisionEventEncoder::new, PolicyDecisionEvent.class));
        for (EventType type : EventType.values()) {
            if (!bindings.containsKey(type)) {
                throw new IllegalStateException("event type " + type + " has no dataset binding in EventTables");
            }
        }
        return Collections.unmodifiableMap(bindings);
    }

    private static Map<EventType, Schema> schemas() {
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            String resource = SCHEMA_RESOURCES + tableName(type) + ".avsc";
            try (InputStream in = EventTables.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema resource " + resource + " for event type " + type);
                }
                schemas.put(type, new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return Collections.unmodifiableMap(schemas);
    }

    private static TableCatalog catalogOf() {
        Map<String, Schema> byName = new LinkedHashMap<>();
        SCHEMAS.forEach((type, schema) -> byName.put(tableName(type), schema));
        return TableCatalog.of(byName);
    }
}
