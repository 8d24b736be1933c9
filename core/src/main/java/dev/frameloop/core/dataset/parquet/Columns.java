package dev.frameloop.core.dataset.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * One call per required column for {@link RowEncoder}s: start the field, add the value, end
 * the field. The field index is the column's position in the Avro record (= Parquet field
 * index); the name is what Parquet reports when a row is malformed.
 */
public final class Columns {
    private Columns() {
    }

    /** An Avro {@code long} column (Parquet INT64). */
    public static void putLong(RecordConsumer consumer, int index, String name, long value) {
        consumer.startField(name, index);
        consumer.addLong(value);
        consumer.endField(name, index);
    }

    /** An Avro {@code int} column (Parquet INT32). */
    public static void putInt(RecordConsumer consumer, int index, String name, int value) {
        consumer.startField(name, index);
        consumer.addInteger(value);
        consumer.endField(name, index);
    }

    /** An Avro {@code boolean} column (Parquet BOOLEAN). */
    public static void putBoolean(RecordConsumer consumer, int index, String name, boolean value) {
        consumer.startField(name, index);
        consumer.addBoolean(value);
        consumer.endField(name, index);
    }

    /** An Avro {@code bytes} or {@code enum} column (Parquet BINARY). */
    public static void putBinary(RecordConsumer consumer, int index, String name, Binary value) {
        consumer.startField(name, index);
        consumer.addBinary(value);
        consumer.endField(name, index);
    }
}
