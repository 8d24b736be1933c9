package dev.frameloop.core.dataset.storage;

import org.apache.parquet.io.OutputFile;

import java.io.IOException;

/**
 * A file being created, as Parquet writes it: {@link #create} opens it (failing if it exists),
 * closing the returned stream makes the bytes durable. {@link #abort} gives up on a file whose
 * writer failed: it closes the stream without making anything durable and leaves the bytes as
 * they are (the caller deletes or keeps them).
 */
public interface NewFile extends OutputFile {

    /**
     * Closes the stream if one is open, without syncing. Idempotent.
     *
     * @throws IOException if closing failed (the file handle is released anyway)
     */
    void abort() throws IOException;

    /** Bytes written through the stream so far. */
    long bytesWritten();
}
