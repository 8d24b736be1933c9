package dev.frameloop.core.dataset;

/**
 * Row counts of one table (event type) of a session. {@code received = written + lost +
 * inProgress} while recording; at the end {@code inProgress} is 0.
 *
 * @param schemaVersion the table's schema version
 * @param received      events handed to the writer
 * @param written       rows in complete part files
 * @param lost          rows that could not be written (a failed file, or arriving after a failure)
 * @param inProgress    rows in the file still open
 */
public record TableCounts(int schemaVersion, long received, long written, long lost, long inProgress) {

    /** Checks the invariants. */
    public TableCounts {
        if (received < 0 || written < 0 || lost < 0 || inProgress < 0) {
            throw new IllegalArgumentException("counts must be >= 0: received=" + received + " written=" + written
                    + " lost=" + lost + " inProgress=" + inProgress);
        }
    }
}
