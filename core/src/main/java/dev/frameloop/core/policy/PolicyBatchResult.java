package dev.frameloop.core.policy;

import java.util.Map;
import java.util.Objects;

/**
 * What became of one batch.
 *
 * @param written       entries written
 * @param deleted       entries deleted (deletes of tids without an entry are not counted)
 * @param failedWrites  tid → why its write failed
 */
public record PolicyBatchResult(int written, int deleted, Map<Integer, PolicyWriteFailure> failedWrites) {
    /** A batch with nothing to do. */
    public static final PolicyBatchResult EMPTY = new PolicyBatchResult(0, 0, Map.of());

    public PolicyBatchResult {
        Objects.requireNonNull(failedWrites, "failedWrites");
        failedWrites = Map.copyOf(failedWrites);
        if (written < 0 || deleted < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + written + " written and " + deleted
                    + " deleted");
        }
    }
}
