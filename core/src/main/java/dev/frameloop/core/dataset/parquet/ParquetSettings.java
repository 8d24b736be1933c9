package dev.frameloop.core.dataset.parquet;

import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.Objects;

/**
 * How part files are encoded.
 *
 * @param codec          page compression
 * @param writerVersion  {@code PARQUET_2_0}: data pages v2 and delta encodings for integers
 *                       (about half the bytes per row of v1 on event data, and faster);
 *                       {@code PARQUET_1_0} for readers that predate them
 * @param rowGroupBytes  target row-group size in bytes (buffered in memory until flushed)
 * @param pageBytes      target page size in bytes
 * @param dictionary     dictionary encoding (falls back to plain per column when it does not pay)
 * @param pageChecksums  CRC32 of every page in its header, so readers and fsck detect corrupt pages
 */
public record ParquetSettings(CompressionCodecName codec, WriterVersion writerVersion, long rowGroupBytes,
                              int pageBytes, boolean dictionary, boolean pageChecksums) {

    /**
     * PARQUET_2_0 pages, SNAPPY, 64 MiB row groups, 1 MiB pages, dictionaries (except for
     * {@code *_ns} columns), page CRCs. Measured on frame-timing rows
     * ({@code FrameTimingWriterBenchmark all}, one run, 2 M rows per file): v2 writes 15.7 bytes
     * per row against 24.8 for v1 (delta encodings on times and counters) and is faster; ZSTD
     * saves only 1.5 % more bytes on top of v2 (15.5) and is slower; uncompressed v2 is as small
     * (15.9) but leaves byte columns (names, paths) uncompressed. SNAPPY is what every Parquet
     * reader decodes fastest.
     */
    public static final ParquetSettings DEFAULT = new ParquetSettings(CompressionCodecName.SNAPPY,
            WriterVersion.PARQUET_2_0, 64L * 1024 * 1024, 1024 * 1024, true, true);

    /** Checks the invariants. */
    public ParquetSettings {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(writerVersion, "writerVersion");
        if (rowGroupBytes < 1024) {
            throw new IllegalArgumentException("rowGroupBytes must be >= 1024, got " + rowGroupBytes);
        }
        if (pageBytes < 1024) {
            throw new IllegalArgumentException("pageBytes must be >= 1024, got " + pageBytes);
        }
    }

    /** These settings with another codec. */
    public ParquetSettings withCodec(CompressionCodecName newCodec) {
        return new ParquetSettings(newCodec, writerVersion, rowGroupBytes, pageBytes, dictionary, pageChecksums);
    }

    /** These settings with another writer version. */
    public ParquetSettings withWriterVersion(WriterVersion newVersion) {
        return new ParquetSettings(codec, newVersion, rowGroupBytes, pageBytes, dictionary, pageChecksums);
    }
}
