package dev.frameloop.core.dataset;

import java.util.Objects;

/**
 * A complete part file of a session.
 *
 * @param event the table (event type) it belongs to
 * @param path  its path inside the session folder, e.g. {@code event=input/part-00000.parquet}
 * @param rows  number of rows
 * @param bytes size in bytes
 */
public record DataFile(String event, String path, long rows, long bytes) {

    /** Checks the invariants. */
    public DataFile {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(path, "path");
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException(path + ": rows and bytes must be >= 0, got " + rows + ", " + bytes);
        }
    }
}
