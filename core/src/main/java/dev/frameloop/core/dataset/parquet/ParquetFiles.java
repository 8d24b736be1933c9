package dev.frameloop.core.dataset.parquet;

import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Parquet writers that write rows with a {@link RowEncoder}. */
public final class ParquetFiles {
    /** Avro field property: {@code false} turns dictionary encoding off for the column. */
    public static final String DICTIONARY_PROPERTY = "frameloop.dictionary";

    private ParquetFiles() {
    }

    /**
     * The Parquet schema of an Avro record schema, exactly as parquet-avro converts it (so a file
     * written by a {@link RowEncoder} reads back as parquet-avro would have written it).
     */
    public static MessageType parquetSchema(Schema avroSchema, Configuration conf) {
        return new AvroSchemaConverter(conf).convert(avroSchema);
    }

    /**
     * A writer of rows of {@code T} to {@code file} (which must not exist), whose columns are those
     * of {@code avroSchema}, with {@code footer} plus the Avro schema in the key-value metadata.
     */
    public static <T> FlatParquetWriter<T> writer(OutputFile file, Schema avroSchema, RowEncoder<T> encoder,
                                                  Map<String, String> footer, ParquetSettings settings,
                                                  Configuration conf) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>(footer);
        metadata.put(FooterKeys.AVRO_SCHEMA, avroSchema.toString());
        metadata.put(FooterKeys.WRITER_MODEL, "frameloop");
        ParquetProperties.Builder properties = ParquetProperties.builder()
                .withWriterVersion(settings.writerVersion())
                .withPageSize(settings.pageBytes())
                .withDictionaryPageSize(settings.pageBytes())
                .withDictionaryEncoding(settings.dictionary())
                .withPageWriteChecksumEnabled(settings.pageChecksums());
        if (settings.dictionary()) {
            for (Schema.Field field : avroSchema.getFields()) {
                if (isNearlyDistinct(field)) {
                    properties.withDictionaryEncoding(field.name(), false);
                }
            }
        }
        return new FlatParquetWriter<>(file, parquetSchema(avroSchema, conf), encoder, metadata, settings,
                properties.build(), conf);
    }

    /**
     * Columns whose values are nearly all distinct: times and durations ({@code *_ns} longs) and
     * any field whose schema says {@code "frameloop.dictionary": false} (e.g. sequence numbers). A
     * dictionary only costs them a hash lookup per value until the writer gives up on it, so they
     * go straight to plain or, with {@code PARQUET_2_0}, delta encoding (which suits them best).
     */
    static boolean isNearlyDistinct(Schema.Field field) {
        return field.name().endsWith("_ns") && field.schema().getType() == Schema.Type.LONG
                || Boolean.FALSE.equals(field.getObjectProp(DICTIONARY_PROPERTY));
    }
}
