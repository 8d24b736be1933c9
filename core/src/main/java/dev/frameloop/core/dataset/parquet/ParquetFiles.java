package dev.frameloop.core.dataset.parquet;

import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Parquet writers that write rows with a {@link RowEncoder}. */
public final class ParquetFiles {
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
    public static <T> ParquetWriter<T> writer(OutputFile file, Schema avroSchema, RowEncoder<T> encoder,
                                              Map<String, String> footer, ParquetSettings settings,
                                              Configuration conf) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>(footer);
        metadata.put(FooterKeys.AVRO_SCHEMA, avroSchema.toString());
        metadata.put(FooterKeys.WRITER_MODEL, "frameloop");
        WriteSupport<T> support = new EncoderWriteSupport<>(parquetSchema(avroSchema, conf), metadata, encoder);
        Builder<T> builder = new Builder<>(file, support);
        if (settings.dictionary()) {
            for (Schema.Field field : avroSchema.getFields()) {
                if (isTimeColumn(field)) {
                    builder.withDictionaryEncoding(field.name(), false);
                }
            }
        }
        return builder
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(settings.codec())
                .withWriterVersion(settings.writerVersion())
                .withRowGroupSize(settings.rowGroupBytes())
                .withPageSize(settings.pageBytes())
                .withDictionaryEncoding(settings.dictionary())
                .withPageWriteChecksumEnabled(settings.pageChecksums())
                .withValidation(false)
                .build();
    }

    /**
     * Times and durations ({@code *_ns} columns) are nearly all distinct: a dictionary only costs
     * a hash lookup per value until the writer gives up on it, so they go straight to plain or,
     * with {@code PARQUET_2_0}, delta encoding (which suits timestamps best).
     */
    static boolean isTimeColumn(Schema.Field field) {
        return field.name().endsWith("_ns") && field.schema().getType() == Schema.Type.LONG;
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final WriteSupport<T> support;

        Builder(OutputFile file, WriteSupport<T> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
