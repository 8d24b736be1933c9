package dev.frameloop.ml.features;

import dev.frameloop.core.event.ThreadClass;

import java.util.Objects;

/**
 * One thread-role row: a thread over one window, its features in {@link FeatureSet#THREAD_ROLE}
 * order and the class the scheduler's heuristics gave it.
 *
 * @param windowStartNs start of the window (CLOCK_MONOTONIC ns)
 * @param pid           process id
 * @param tid           thread id
 * @param comm          thread name (decoded for display and role rules)
 * @param heuristic     the scheduler's class at the window's end
 * @param features      feature values (owned by the row)
 */
public record ThreadRoleRow(long windowStartNs, int pid, int tid, String comm, ThreadClass heuristic,
                            double[] features) {
    /** Checks the components. */
    public ThreadRoleRow {
        Objects.requireNonNull(comm, "comm");
        Objects.requireNonNull(heuristic, "heuristic");
        if (features.length != FeatureSet.THREAD_ROLE.size()) {
            throw new IllegalArgumentException("a thread-role row has " + FeatureSet.THREAD_ROLE.size()
                    + " features, got " + features.length);
        }
    }
}
