package dev.frameloop.core.policy;

import java.util.List;

/**
 * Where the closed loop's decisions go: the scheduler's {@code boost_policy} map in the collector,
 * memory in tests and replays. One batch per call: writes (create or replace) first, then deletes,
 * then the scheduler is told once. A failure of one entry (map full, the thread gone, an error of the
 * map) never throws: it is counted in {@link #counts()} and named in the returned result, so the
 * caller can try again later and the scheduler's heuristics keep working meanwhile. Single caller
 * thread.
 */
public interface PolicyWriter {
    /** Applies one batch; either list may be empty. */
    PolicyBatchResult apply(List<BoostPolicy> writes, List<Integer> deletes);

    /** What this writer did and what failed, since it was made. */
    PolicyWriterCounts counts();
}
