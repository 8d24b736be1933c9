package dev.frameloop.core.dataset;

import java.util.List;

/**
 * What fsck found in a dataset, session by session.
 *
 * @param sessions one entry per session folder, oldest first
 * @param dryRun   whether nothing was changed
 */
public record FsckReport(List<SessionFsck> sessions, boolean dryRun) {

    /** Copies the list. */
    public FsckReport {
        sessions = List.copyOf(sessions);
    }

    /** Whether every session was clean. */
    public boolean isClean() {
        return sessions.stream().allMatch(s -> s.outcome() == SessionFsck.Outcome.CLEAN);
    }

    /** Whether some session was repaired (or would be, in a dry run). */
    public boolean repairedSomething() {
        return sessions.stream().anyMatch(s -> s.outcome() == SessionFsck.Outcome.REPAIRED
                || s.outcome() == SessionFsck.Outcome.PROBLEMS && !s.issues().isEmpty());
    }

    /** Whether some session has problems fsck leaves in place, or was skipped. */
    public boolean hasUnresolved() {
        return sessions.stream().anyMatch(s -> s.outcome() == SessionFsck.Outcome.PROBLEMS
                || s.outcome() == SessionFsck.Outcome.SKIPPED);
    }

    /** Events the crashes certainly cost, over all sessions. */
    public long eventsLostAtLeast() {
        return sessions.stream().mapToLong(SessionFsck::eventsLostAtLeast).sum();
    }
}
