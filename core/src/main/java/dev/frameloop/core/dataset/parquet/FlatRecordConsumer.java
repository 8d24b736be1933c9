package dev.frameloop.core.dataset.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.ParquetEncodingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.util.List;

/**
 * A {@link RecordConsumer} for flat schemas (primitive, non-repeated columns; at most 64) that
 * hands each value straight to its column's {@link ColumnWriter}. Parquet's general consumer
 * ({@code MessageColumnIO}) walks a tree of column IOs and tracks written fields in a
 * {@code BitSet} per level for every value; a flat row needs only the field index and one bit
 * mask. A required column a row leaves out fails the row; an optional one is written as null.
 */
final class FlatRecordConsumer extends RecordConsumer {
    private final List<ColumnDescriptor> columns;
    private final String[] names;
    private final int[] definitionLevels;
    private final long requiredMask;
    private final long allMask;
    private final ColumnWriter[] writers;
    private ColumnWriteStore store;
    private int field = -1;
    private long written;

    FlatRecordConsumer(MessageType schema) {
        this.columns = schema.getColumns();
        int n = columns.size();
        if (n == 0 || n > Long.SIZE) {
            throw new IllegalArgumentException("a flat schema has 1 to 64 columns, " + schema.getName() + " has " + n);
        }
        this.names = new String[n];
        this.definitionLevels = new int[n];
        this.writers = new ColumnWriter[n];
        long required = 0;
        for (int i = 0; i < n; i++) {
            Type field = schema.getType(i);
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED) || columns.get(i).getPath().length != 1) {
                throw new IllegalArgumentException("column " + field.getName() + " of " + schema.getName()
                        + " is nested or repeated: only flat schemas are supported");
            }
            names[i] = field.getName();
            definitionLevels[i] = columns.get(i).getMaxDefinitionLevel();
            if (field.isRepetition(Type.Repetition.REQUIRED)) {
                required |= 1L << i;
            }
        }
        this.requiredMask = required;
        this.allMask = n == Long.SIZE ? -1L : (1L << n) - 1;
    }

    /** Writes to {@code newStore}'s column writers from now on (one store per row group). */
    void writeTo(ColumnWriteStore newStore) {
        this.store = newStore;
        for (int i = 0; i < writers.length; i++) {
            writers[i] = newStore.getColumnWriter(columns.get(i));
        }
    }

    @Override
    public void startMessage() {
        written = 0;
    }

    @Override
    public void endMessage() {
        if (written != allMask) {
            writeNulls(allMask & ~written);
        }
        store.endRecord();
    }

    private void writeNulls(long missing) {
        if ((missing & requiredMask) != 0) {
            throw new ParquetEncodingException("required column " + names[Long.numberOfTrailingZeros(missing & requiredMask)]
                    + " missing from a row");
        }
        for (long m = missing; m != 0; m &= m - 1) {
            writers[Long.numberOfTrailingZeros(m)].writeNull(0, 0);
        }
    }

    @Override
    public void startField(String name, int index) {
        field = index;
    }

    @Override
    public void endField(String name, int index) {
        written |= 1L << index;
    }

    @Override
    public void startGroup() {
        throw new ParquetEncodingException("groups are not supported: flat schemas only");
    }

    @Override
    public void endGroup() {
        throw new ParquetEncodingException("groups are not supported: flat schemas only");
    }

    @Override
    public void addInteger(int value) {
        writers[field].write(value, 0, definitionLevels[field]);
    }

    @Override
    public void addLong(long value) {
        writers[field].write(value, 0, definitionLevels[field]);
    }

    @Override
    public void addBoolean(boolean value) {
        writers[field].write(value, 0, definitionLevels[field]);
    }

    @Override
    public void addBinary(Binary value) {
        writers[field].write(value, 0, definitionLevels[field]);
    }

    @Override
    public void addFloat(float value) {
        writers[field].write(value, 0, definitionLevels[field]);
    }

    @Override
    public void addDouble(double value) {
        writers[field].write(value, 0, definitionLevels[field]);
    }
}
