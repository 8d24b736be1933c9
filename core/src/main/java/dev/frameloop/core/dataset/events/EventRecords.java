package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.DatasetFormatException;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.event.EventType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads rows of an event type back into its Java record ({@code FrameTimingEvent} …): each
 * record component is the column of the same name in snake_case ({@code timestampNs} ←
 * {@code timestamp_ns}); enum columns become the Java enum constant of the same name, bytes
 * columns {@code byte[]}. For APIs, notebooks and training; allocates a record per row.
 *
 * @param <R> the record class
 */
public final class EventRecords<R extends Record> {
    private final EventType type;
    private final Class<R> recordClass;
    private final RecordComponent[] components;
    private final String[] columns;
    private final Constructor<R> constructor;

    private EventRecords(EventType type, Class<R> recordClass) {
        this.type = type;
        this.recordClass = recordClass;
        this.components = recordClass.getRecordComponents();
        this.columns = new String[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Schema schema = EventTables.schema(type);
        for (int i = 0; i < components.length; i++) {
            columns[i] = snakeCase(components[i].getName());
            parameterTypes[i] = components[i].getType();
            if (schema.getField(columns[i]) == null) {
                throw new IllegalStateException(recordClass.getSimpleName() + "." + components[i].getName()
                        + " has no column " + columns[i] + " in " + schema.getFullName());
            }
        }
        try {
            this.constructor = recordClass.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(recordClass + " has no canonical constructor", e);
        }
    }

    /** The mapper for an event type's record class. */
    public static EventRecords<? extends Record> of(EventType type) {
        return new EventRecords<>(type, EventTables.binding(type).recordClass());
    }

    /**
     * The mapper for a record class ({@code FrameTimingEvent.class} …).
     *
     * @throws IllegalArgumentException if no event type reads into that class
     */
    public static <R extends Record> EventRecords<R> of(Class<R> recordClass) {
        for (EventType type : EventType.values()) {
            if (EventTables.binding(type).recordClass().equals(recordClass)) {
                return new EventRecords<>(type, recordClass);
            }
        }
        throw new IllegalArgumentException(recordClass.getName() + " is not the record of any event type");
    }

    /** Every row of the event type in {@code session}, as records, in write order. */
    public static <R extends Record> List<R> read(SessionReader session, Class<R> recordClass) throws IOException {
        EventRecords<R> mapper = of(recordClass);
        List<R> records = new ArrayList<>();
        mapper.forEach(session, records::add);
        return records;
    }

    /** Calls {@code action} with every row of the event type in {@code session}, as a record. */
    public void forEach(SessionReader session, Consumer<? super R> action) throws IOException {
        Objects.requireNonNull(action, "action");
        session.forEach(EventTables.tableName(type), row -> action.accept(toRecord(row)));
    }

    /** The event type. */
    public EventType type() {
        return type;
    }

    /**
     * One row as a record.
     *
     * @throws DatasetFormatException if a column is missing or of another type
     */
    public R toRecord(GenericRecord row) {
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = convert(row, columns[i], components[i].getType());
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot construct " + recordClass.getName(), e);
        } catch (InvocationTargetException e) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, "a row of " + type
                    + " does not make a valid " + recordClass.getSimpleName() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object convert(GenericRecord row, String column, Class<?> target) {
        if (row.getSchema().getField(column) == null) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, "a row of " + type
                    + " has no column " + column + " (schema " + row.getSchema().getFullName() + ")");
        }
        Object value = row.get(column);
        if (target == byte[].class && value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] array = new byte[copy.remaining()];
            copy.get(array);
            return array;
        }
        if (target.isEnum() && value instanceof GenericEnumSymbol<?> symbol) {
            return Enum.valueOf((Class) target, symbol.toString());
        }
        if ((target == int.class && value instanceof Integer) || (target == long.class && value instanceof Long)
                || (target == boolean.class && value instanceof Boolean)) {
            return value;
        }
        if (target == long.class && value instanceof Integer integer) {
            return integer.longValue();
        }
        throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, "column " + column + " of " + type
                + " holds " + (value == null ? "null" : value.getClass().getSimpleName()) + ", expected "
                + target.getSimpleName());
    }

    /** {@code timestampNs} → {@code timestamp_ns}. */
    static String snakeCase(String camel) {
        StringBuilder snake = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
