package dev.frameloop.core.dataset.parquet;

import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one row of {@code T} as Parquet columns: between the caller's
 * {@code startMessage}/{@code endMessage}, one {@code startField}/value/{@code endField} per
 * column of the table's schema, in schema order (see {@link Columns}). Implementations read
 * the row in place (e.g. from a flyweight over a ring buffer) and must not allocate per row.
 *
 * @param <T> what a row is read from
 */
@FunctionalInterface
public interface RowEncoder<T> {

    /** Writes every column of {@code row} to {@code consumer}. */
    void write(T row, RecordConsumer consumer);
}
