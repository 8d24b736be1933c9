package dev.frameloop.core.dataset;

import org.apache.avro.Schema;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables (event types) a reader knows, each with its current Avro schema: what a file's
 * footer is checked against (same record name, schema version not newer).
 */
public interface TableCatalog {

    /** The current schema of {@code table}, if this build knows the table. */
    Optional<Schema> schema(String table);

    /** Every table name this build knows. */
    Set<String> tables();

    /** A catalog of the given tables. */
    static TableCatalog of(Map<String, Schema> schemas) {
        Map<String, Schema> copy = new TreeMap<>(schemas);
        copy.forEach((name, schema) -> {
            DatasetPaths.checkTableName(name);
            SchemaVersion.of(schema);
        });
        return new TableCatalog() {
            @Override
            public Optional<Schema> schema(String table) {
                return Optional.ofNullable(copy.get(table));
            }

            @Override
            public Set<String> tables() {
                return java.util.Collections.unmodifiableSet(copy.keySet());
            }
        };
    }
}
