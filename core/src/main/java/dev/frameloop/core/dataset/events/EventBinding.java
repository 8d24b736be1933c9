package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.DatasetTable;
import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.EventFlyweight;
import dev.frameloop.core.event.EventType;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How one event type becomes a dataset table: the flyweight that reads its wire record, the
 * encoder that writes its row, and the record class its rows read back into.
 *
 * @param type        the event type
 * @param flyweights  makes a flyweight for the type (one per recorder)
 * @param encoders    makes a row encoder (one per table writer: encoders keep small caches)
 * @param recordClass the Java record of the type, for reading rows back
 * @param <F>         the flyweight class
 */
public record EventBinding<F extends EventFlyweight>(EventType type, Supplier<F> flyweights,
                                                     Supplier<RowEncoder<F>> encoders,
                                                     Class<? extends Record> recordClass) {

    /** Checks for nulls. */
    public EventBinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(flyweights, "flyweights");
        Objects.requireNonNull(encoders, "encoders");
        Objects.requireNonNull(recordClass, "recordClass");
    }

    /** A new table of this type (its own encoder), named and versioned as {@link EventTables} says. */
    public DatasetTable<F> newTable() {
        return new DatasetTable<>(EventTables.tableName(type), EventTables.schema(type), encoders.get(),
                type.version());
    }
}
