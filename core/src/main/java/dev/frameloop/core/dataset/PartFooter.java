package dev.frameloop.core.dataset;

import org.apache.avro.Schema;

import java.util.Objects;

/**
 * What the footer of a valid part file says.
 *
 * @param path          the file's path relative to the dataset root
 * @param table         its event type
 * @param rows          number of rows (sum over its row groups)
 * @param bytes         file size in bytes
 * @param schemaVersion its {@code frameloop.schema.version}
 * @param schema        the Avro schema it was written with
 */
public record PartFooter(String path, String table, long rows, long bytes, int schemaVersion, Schema schema) {

    /** Checks for nulls. */
    public PartFooter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(schema, "schema");
    }
}
