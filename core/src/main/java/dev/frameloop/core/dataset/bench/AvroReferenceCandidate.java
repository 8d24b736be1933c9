package dev.frameloop.core.dataset.bench;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The reference: parquet-avro by itself, as its users write it: {@link AvroParquetWriter}, a new
 * {@link GenericRecord} per row (faster than reusing one, FIELD-NOTES), the given codec and
 * otherwise default writer settings, to parquet's {@link LocalOutputFile}.
 *
 * @param <T> what a row is read from
 */
public final class AvroReferenceCandidate<T> implements WriterCandidate {
    private final String name;
    private final Schema schema;
    private final RowSource<T> source;
    private final BiFunction<T, Schema, GenericRecord> toRecord;
    private final CompressionCodecName codec;

    /**
     * @param toRecord builds a new GenericRecord of {@code schema} from a row
     */
    public AvroReferenceCandidate(String name, Schema schema, RowSource<T> source,
                                  BiFunction<T, Schema, GenericRecord> toRecord, CompressionCodecName codec) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.source = Objects.requireNonNull(source, "source");
        this.toRecord = Objects.requireNonNull(toRecord, "toRecord");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long writeFile(Path file, long rows) throws IOException {
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema)
                .withCompressionCodec(codec)
                .build()) {
            for (long i = 0; i < rows; i++) {
                writer.write(toRecord.apply(source.row(i), schema));
            }
        }
        return Files.size(file);
    }
}
