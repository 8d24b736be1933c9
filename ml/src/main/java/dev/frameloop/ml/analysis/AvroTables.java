package dev.frameloop.ml.analysis;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Dataset rows ({@link GenericRecord}s of an event table) as a Tablesaw table with one column per
 * schema field, in schema order: {@code long} → LongColumn, {@code int} → IntColumn,
 * {@code boolean} → BooleanColumn, enums → StringColumn of the symbol. {@code bytes} columns (thread
 * and process names, kept raw in the dataset) become text for display: decoded as UTF-8, with
 * U+FFFD for bytes that are not.
 */
public final class AvroTables {
    private AvroTables() {
    }

    /** The rows as a table named {@code name}; an empty table with every column when there are none. */
    public static Table toTable(String name, Schema schema, List<GenericRecord> rows) {
        List<Column<?>> columns = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            columns.add(column(field, rows));
        }
        return Table.create(name, columns);
    }

    private static Column<?> column(Schema.Field field, List<GenericRecord> rows) {
        String name = field.name();
        int n = rows.size();
        switch (field.schema().getType()) {
            case LONG -> {
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = (Long) rows.get(i).get(name);
                }
                return LongColumn.create(name, values);
            }
            case INT -> {
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    values[i] = (Integer) rows.get(i).get(name);
                }
                return IntColumn.create(name, values);
            }
            case BOOLEAN -> {
                boolean[] values = new boolean[n];
                for (int i = 0; i < n; i++) {
                    values[i] = (Boolean) rows.get(i).get(name);
                }
                return BooleanColumn.create(name, values);
            }
            case ENUM, STRING -> {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = String.valueOf(rows.get(i).get(name));
                }
                return StringColumn.create(name, values);
            }
            case BYTES -> {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    ByteBuffer bytes = ((ByteBuffer) rows.get(i).get(name)).duplicate();
                    byte[] array = new byte[bytes.remaining()];
                    bytes.get(array);
                    values[i] = new String(array, StandardCharsets.UTF_8);
                }
                return StringColumn.create(name, values);
            }
            default -> throw new IllegalStateException("column " + name + " of " + field.schema().getType()
                    + " has no Tablesaw column type here; add one to AvroTables");
        }
    }
}
