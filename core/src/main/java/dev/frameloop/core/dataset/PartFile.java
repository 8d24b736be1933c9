package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.parquet.FooterKeys;
import dev.frameloop.core.dataset.parquet.FlatParquetWriter;
import dev.frameloop.core.dataset.parquet.ParquetFiles;
import dev.frameloop.core.dataset.parquet.ParquetSettings;
import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.NewFile;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One part file while it is written: under its hidden temporary name until {@link #commit}
 * closes it (footer written, bytes synced) and renames it to its final name. A file that
 * failed is {@link #discard}ed: its temporary file is deleted, it never gets a final name.
 *
 * @param <T> what a row is read from
 */
final class PartFile<T> {
    private final DatasetStorage storage;
    private final String table;
    private final String tempPath;
    private final String finalPath;
    private final String finalName;
    private final NewFile file;
    private final FlatParquetWriter<T> writer;
    private final Instant openedAt;
    private long rows;

    private PartFile(DatasetStorage storage, String table, String tempPath, String finalPath, String finalName,
                     NewFile file, FlatParquetWriter<T> writer, Instant openedAt) {
        this.storage = storage;
        this.table = table;
        this.tempPath = tempPath;
        this.finalPath = finalPath;
        this.finalName = finalName;
        this.file = file;
        this.writer = writer;
        this.openedAt = openedAt;
    }

    /** Creates part {@code index} of {@code table} in {@code session} under its temporary name. */
    static <T> PartFile<T> create(DatasetStorage storage, SessionId session, DatasetTable<T> table, int index,
                                  ParquetSettings settings, Configuration conf, Instant now) throws IOException {
        String dir = DatasetPaths.tableDir(session, table.name());
        String tempPath = dir + "/" + DatasetPaths.tempPartName(index);
        String finalPath = dir + "/" + DatasetPaths.partName(index);
        if (storage.exists(finalPath)) {
            throw new java.nio.file.FileAlreadyExistsException(storage.describe(finalPath));
        }
        Map<String, String> footer = new LinkedHashMap<>();
        footer.put(FooterKeys.SCHEMA_VERSION, Integer.toString(table.schemaVersion()));
        footer.put(FooterKeys.EVENT_TYPE, table.name());
        footer.put(FooterKeys.SESSION_ID, session.value());
        footer.put(FooterKeys.WIRE_VERSION, Integer.toString(table.wireVersion()));
        footer.put(FooterKeys.PART_INDEX, Integer.toString(index));
        NewFile file = storage.newFile(tempPath);
        FlatParquetWriter<T> writer;
        try {
            writer = ParquetFiles.writer(file, table.schema(), table.encoder(), footer, settings, conf);
        } catch (IOException | RuntimeException e) {
            abortQuietly(file, storage, tempPath, e);
            throw e;
        }
        return new PartFile<>(storage, table.name(), tempPath, finalPath,
                "event=" + table.name() + "/" + DatasetPaths.partName(index), file, writer, now);
    }

    /** Appends one row (buffered; flushed to disk when a row group fills). */
    void write(T row) throws IOException {
        writer.write(row);
        rows++;
    }

    /** Rows written to this file so far. */
    long rows() {
        return rows;
    }

    /** When the file was opened. */
    Instant openedAt() {
        return openedAt;
    }

    /**
     * Closes the file (footer, fsync) and renames it to its final name. If closing fails the
     * temporary file is deleted and the exception rethrown: no final name for a file that is
     * not complete. If only the rename fails, the complete file stays under its temporary name
     * (fsck recognises it as complete and gives it its final name).
     */
    DataFile commit() throws IOException {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            abortQuietly(file, storage, tempPath, e);
            throw e;
        }
        long bytes = file.bytesWritten();
        storage.rename(tempPath, finalPath);
        return new DataFile(table, finalName, rows, bytes);
    }

    /**
     * Gives up on the file after a failure: releases it and deletes the temporary file. Errors
     * doing so are added to {@code failure} as suppressed exceptions.
     */
    void discard(Throwable failure) {
        abortQuietly(file, storage, tempPath, failure);
    }

    private static void abortQuietly(NewFile file, DatasetStorage storage, String tempPath, Throwable failure) {
        try {
            file.abort();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            storage.delete(tempPath);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
