package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import org.apache.avro.Schema;

import java.util.Objects;

/**
 * One table of a session (one event type): its folder name, its versioned Avro schema, and the
 * encoder that writes a row of {@code T} to Parquet.
 *
 * @param name        folder/partition name ({@code event=<name>}), e.g. {@code frame_timing}
 * @param schema      the Avro record schema, with a {@code frameloop.schema.version} property
 * @param encoder     writes the columns of {@code schema}, in order, from a {@code T}
 * @param wireVersion layout version of the wire struct rows come from (0 when not from the wire)
 * @param <T>         what a row is read from
 */
public record DatasetTable<T>(String name, Schema schema, RowEncoder<T> encoder, int wireVersion) {

    /** Checks the name and that the schema is a versioned record schema. */
    public DatasetTable {
        DatasetPaths.checkTableName(name);
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(encoder, "encoder");
        SchemaVersion.of(schema);
        if (wireVersion < 0) {
            throw new IllegalArgumentException(name + ": wireVersion must be >= 0, got " + wireVersion);
        }
    }

    /** The schema's {@code frameloop.schema.version}. */
    public int schemaVersion() {
        return SchemaVersion.of(schema);
    }
}
