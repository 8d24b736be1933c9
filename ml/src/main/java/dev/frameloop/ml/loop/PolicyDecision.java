package dev.frameloop.ml.loop;

import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.BoostPolicy;

import java.util.Locale;
import java.util.Objects;

/**
 * One change the loop made to the policy map, for the decision log.
 *
 * @param timeNs     when (CLOCK_MONOTONIC ns; in a replay, the session's time)
 * @param action     write or delete
 * @param pid        the thread's process (0 when the loop did not know it)
 * @param tid        the thread
 * @param role       role written (for a delete: the role the entry had)
 * @param confidence the prediction's confidence (NaN for deletes)
 * @param heuristic  the scheduler's own class of the thread when decided
 * @param reason     why: {@code new}, {@code changed}, {@code refresh}, {@code expired}, {@code exited}
 * @param policy     the entry written (null for deletes)
 */
public record PolicyDecision(long timeNs, Action action, int pid, int tid, ThreadClass role, double confidence,
                             ThreadClass heuristic, String reason, BoostPolicy policy) {
    /** What was done to the map. */
    public enum Action { WRITE, DELETE }

    public PolicyDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(heuristic, "heuristic");
        Objects.requireNonNull(reason, "reason");
        if ((action == Action.WRITE) != (policy != null)) {
            throw new IllegalArgumentException("a write carries its entry and a delete none");
        }
    }

    /** One line of the decision log, stable for a given decision. */
    public String line() {
        StringBuilder s = new StringBuilder();
        s.append(timeNs).append(' ').append(action.name().toLowerCase(Locale.ROOT)).append(" tid=").append(tid)
                .append(" role=").append(role.name().toLowerCase(Locale.ROOT))
                .append(" heuristic=").append(heuristic.name().toLowerCase(Locale.ROOT))
                .append(" reason=").append(reason).append(" pid=").append(pid);
        if (policy != null) {
            s.append(String.format(Locale.ROOT, " confidence=%.3f", confidence))
                    .append(" boost=").append(policy.boostPercent()).append(" slice_ns=").append(policy.sliceNs())
                    .append(" expiry_ns=").append(policy.expiryNs());
        }
        return s.toString();
    }
}
