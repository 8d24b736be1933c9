package dev.frameloop.core.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * A {@link PolicyWriter} into a map in memory that behaves as the scheduler's hash map does: at most
 * {@code capacity} tids, replacing an entry does not need room, a thread that {@code tidExists}
 * rejects is refused. For replays without a kernel and for tests.
 */
public final class InMemoryPolicyWriter implements PolicyWriter {
    private final int capacity;
    private final IntPredicate tidExists;
    private final Map<Integer, BoostPolicy> entries = new HashMap<>();
    private PolicyWriterCounts counts = PolicyWriterCounts.ZERO;

    /** A map of {@code capacity} entries, where every tid exists. */
    public InMemoryPolicyWriter(int capacity) {
        this(capacity, tid -> true);
    }

    /** A map of {@code capacity} entries where only the tids {@code tidExists} accepts exist. */
    public InMemoryPolicyWriter(int capacity, IntPredicate tidExists) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0, was " + capacity);
        }
        this.capacity = capacity;
        this.tidExists = tidExists;
    }

    @Override
    public PolicyBatchResult apply(List<BoostPolicy> writes, List<Integer> deletes) {
        int written = 0;
        int deleted = 0;
        Map<Integer, PolicyWriteFailure> failed = new HashMap<>();
        for (BoostPolicy policy : writes) {
            if (!tidExists.test(policy.tid())) {
                failed.put(policy.tid(), PolicyWriteFailure.UNKNOWN_TID);
            } else if (!entries.containsKey(policy.tid()) && entries.size() >= capacity) {
                failed.put(policy.tid(), PolicyWriteFailure.MAP_FULL);
            } else {
                entries.put(policy.tid(), policy);
                written++;
            }
        }
        for (int tid : deletes) {
            if (entries.remove(tid) != null) {
                deleted++;
            }
        }
        PolicyBatchResult result = new PolicyBatchResult(written, deleted, failed);
        counts = counts.plus(result, 0);
        return result;
    }

    @Override
    public PolicyWriterCounts counts() {
        return counts;
    }

    /** The entries now, by tid. */
    public Map<Integer, BoostPolicy> entries() {
        return new TreeMap<>(entries);
    }
}
