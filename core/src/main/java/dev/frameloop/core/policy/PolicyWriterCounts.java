package dev.frameloop.core.policy;

/**
 * Running totals of a {@link PolicyWriter}.
 *
 * @param batches     batches applied (each tells the scheduler once)
 * @param written     entries written
 * @param deleted     entries deleted
 * @param mapFull     writes refused because the map was full
 * @param unknownTid  writes refused because the thread did not exist
 * @param errors      writes and deletes that failed otherwise
 */
public record PolicyWriterCounts(long batches, long written, long deleted, long mapFull, long unknownTid, long errors) {
    /** Nothing done yet. */
    public static final PolicyWriterCounts ZERO = new PolicyWriterCounts(0, 0, 0, 0, 0, 0);

    /** These totals plus one batch's result. */
    public PolicyWriterCounts plus(PolicyBatchResult result, long otherErrors) {
        long full = result.failedWrites().values().stream().filter(f -> f == PolicyWriteFailure.MAP_FULL).count();
        long unknown = result.failedWrites().values().stream().filter(f -> f == PolicyWriteFailure.UNKNOWN_TID).count();
        long error = result.failedWrites().values().stream().filter(f -> f == PolicyWriteFailure.ERROR).count();
        return new PolicyWriterCounts(batches + 1, written + result.written(), deleted + result.deleted(),
                mapFull + full, unknownTid + unknown, errors + error + otherErrors);
    }

    /** "12 batches: 30 written, 4 deleted; failed: 1 map full, 2 unknown tid, 0 errors". */
    public String describe() {
        return batches + " batches: " + written + " written, " + deleted + " deleted; failed: " + mapFull
                + " map full, " + unknownTid + " unknown tid, " + errors + " errors";
    }
}
