package dev.frameloop.core.dataset.parquet;

/**
 * Key-value metadata frameloop writes into every Parquet footer. The Avro schema key is the one
 * parquet-avro reads, so {@code AvroParquetReader} returns the rows as {@code GenericRecord}s
 * of the exact schema they were written with (enums, bytes and docs included).
 */
public final class FooterKeys {
    /** The Avro schema (JSON) of the rows, as parquet-avro names it. */
    public static final String AVRO_SCHEMA = "parquet.avro.schema";
    /** Version of the frameloop schema of this event type ({@code frameloop.schema.version} in the .avsc). */
    public static final String SCHEMA_VERSION = "frameloop.schema.version";
    /** Event type (table) name, as in the {@code event=} folder. */
    public static final String EVENT_TYPE = "frameloop.event.type";
    /** Session id, as in the {@code session=} folder. */
    public static final String SESSION_ID = "frameloop.session.id";
    /** Wire layout version of the event struct the rows came from ({@code header.version}). */
    public static final String WIRE_VERSION = "frameloop.wire.version";
    /** Index of the part file in its table (NNNNN of part-NNNNN.parquet). */
    public static final String PART_INDEX = "frameloop.part.index";
    /** Name of the writer, by Parquet convention. */
    public static final String WRITER_MODEL = "writer.model.name";

    private FooterKeys() {
    }
}
