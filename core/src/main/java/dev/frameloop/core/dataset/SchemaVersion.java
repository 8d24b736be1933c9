package dev.frameloop.core.dataset;

import org.apache.avro.Schema;

/**
 * The version of a frameloop table schema: the {@code frameloop.schema.version} property of its
 * Avro record schema (an integer ≥ 1), also written into every Parquet footer.
 *
 * <p>Bump rule: the version of an event type's schema goes up by one whenever a column is added,
 * removed, renamed, changes type, or changes meaning or unit. Doc-only changes keep it. A reader
 * reads every version up to its own and refuses a newer one (it cannot know what changed).
 * The record's name and namespace never change, so Avro schema resolution still matches old
 * and new records.
 */
public final class SchemaVersion {
    /** The name of the Avro schema property. */
    public static final String PROPERTY = "frameloop.schema.version";

    private SchemaVersion() {
    }

    /**
     * The version property of {@code schema}.
     *
     * @throws IllegalArgumentException if the schema is not a record or has no valid version
     */
    public static int of(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("schema " + schema.getFullName() + " is a " + schema.getType()
                    + ", not a record");
        }
        Object version = schema.getObjectProp(PROPERTY);
        if (!(version instanceof Integer) || (Integer) version < 1) {
            throw new IllegalArgumentException("schema " + schema.getFullName() + " has no integer property "
                    + PROPERTY + " >= 1 (found " + version + ")");
        }
        return (Integer) version;
    }
}
