package dev.frameloop.core.dataset.bench;

import java.io.IOException;
import java.nio.file.Path;

/** One way of writing the benchmark's rows to a Parquet file. */
public interface WriterCandidate {

    /** Short name, as printed. */
    String name();

    /**
     * Writes {@code rows} rows (row {@code i} is the source's row {@code i}) to a new file
     * {@code file}, closes it, and returns its size in bytes.
     */
    long writeFile(Path file, long rows) throws IOException;
}
