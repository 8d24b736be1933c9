package dev.frameloop.core.dataset.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Writes rows of a flat schema to one Parquet file with parquet's own column writers, page
 * store and file writer, and a {@link FlatRecordConsumer} in place of {@code ParquetWriter}'s
 * general record path: each value goes from the {@link RowEncoder} to its column writer. Row
 * groups end when the buffered columns reach the target size (checked every
 * {@value #SIZE_CHECK_ROWS} rows). Not thread-safe.
 *
 * @param <T> what a row is read from
 */
public final class FlatParquetWriter<T> implements Closeable {
    /** Rows between two checks of the buffered row group's size (summing it walks every column). */
    static final int SIZE_CHECK_ROWS = 10_000;

    private final ParquetFileWriter file;
    private final MessageType schema;
    private final ParquetProperties properties;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final RowEncoder<T> encoder;
    private final FlatRecordConsumer consumer;
    private final Map<String, String> footer;
    private final long rowGroupBytes;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private int rowGroups;
    private long rowsInGroup;
    private long nextSizeCheck = SIZE_CHECK_ROWS;
    private boolean closed;

    FlatParquetWriter(OutputFile out, MessageType schema, RowEncoder<T> encoder, Map<String, String> footer,
                      ParquetSettings settings, ParquetProperties properties, Configuration conf) throws IOException {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.footer = Map.copyOf(footer);
        this.properties = properties;
        this.rowGroupBytes = settings.rowGroupBytes();
        this.consumer = new FlatRecordConsumer(schema);
        this.codecs = new CodecFactory(conf, settings.pageBytes());
        this.compressor = codecs.getCompressor(settings.codec());
        this.file = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.CREATE, rowGroupBytes, 0, null, properties);
        file.start();
        startRowGroup();
    }

    /** Appends one row (buffered; a full row group is flushed to the file). */
    public void write(T row) throws IOException {
        if (closed) {
            throw new IOException("the Parquet writer is closed");
        }
        consumer.startMessage();
        encoder.write(row, consumer);
        consumer.endMessage();
        if (++rowsInGroup >= nextSizeCheck) {
            if (columns.getBufferedSize() >= rowGroupBytes) {
                endRowGroup();
                startRowGroup();
            } else {
                nextSizeCheck = rowsInGroup + SIZE_CHECK_ROWS;
            }
        }
    }

    /** Flushes the last row group and writes the footer with the key-value metadata. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            endRowGroup();
            file.end(footer);
        } finally {
            codecs.release();
        }
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled(), null, rowGroups);
        columns = properties.newColumnWriteStore(schema, pages, pages);
        consumer.writeTo(columns);
        rowsInGroup = 0;
        nextSizeCheck = SIZE_CHECK_ROWS;
    }

    private void endRowGroup() throws IOException {
        try {
            if (rowsInGroup > 0) {
                file.startBlock(rowsInGroup);
                columns.flush();
                pages.flushToFileWriter(file);
                file.endBlock();
                rowGroups++;
            }
        } finally {
            columns.close();
            pages.close();
        }
    }
}
