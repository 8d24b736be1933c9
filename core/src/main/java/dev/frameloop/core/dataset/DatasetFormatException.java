package dev.frameloop.core.dataset;

import java.util.Objects;

/**
 * A file of a dataset is not what frameloop expects: not Parquet, truncated, a foreign schema,
 * a newer schema version, an unreadable manifest. The message names the file and says what is
 * wrong and what to do; {@link #problem()} says which case it is (fsck moves only
 * {@link Problem#CORRUPT} files aside).
 */
public class DatasetFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    /** What is wrong with the file. */
    public enum Problem {
        /** Truncated or damaged: no readable footer, or pages that fail their checksum. */
        CORRUPT,
        /** Readable, but not written by frameloop for this place (foreign schema or file, wrong folder). */
        FOREIGN,
        /** Written by a newer frameloop: a schema or manifest version this build cannot read. */
        NEWER
    }

    /** With a message naming the file. */
    public DatasetFormatException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** With a message naming the file, and the underlying error. */
    public DatasetFormatException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Which kind of problem this is. */
    public Problem problem() {
        return problem;
    }
}
