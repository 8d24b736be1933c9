package dev.frameloop.core.dataset.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.Map;
import java.util.Objects;

/**
 * Parquet {@link WriteSupport} that hands each row to a {@link RowEncoder}, which writes its
 * columns straight to the {@link RecordConsumer}: no intermediate record object, no boxing.
 * The footer carries the Avro schema (so Avro readers see GenericRecords) and the caller's
 * key-value metadata.
 *
 * @param <T> what a row is read from
 */
final class EncoderWriteSupport<T> extends WriteSupport<T> {
    private final MessageType schema;
    private final Map<String, String> footer;
    private final RowEncoder<T> encoder;
    private RecordConsumer consumer;

    EncoderWriteSupport(MessageType schema, Map<String, String> footer, RowEncoder<T> encoder) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.footer = Map.copyOf(footer);
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(T row) {
        consumer.startMessage();
        encoder.write(row, consumer);
        consumer.endMessage();
    }

    @Override
    public String getName() {
        return "frameloop";
    }
}
