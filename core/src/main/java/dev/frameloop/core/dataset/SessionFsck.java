package dev.frameloop.core.dataset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What fsck found and did in one session.
 *
 * @param id                the session
 * @param outcome           clean, repaired, skipped (live, or written by a newer frameloop), or
 *                          problems left (files fsck does not touch)
 * @param issues            everything found, with the action taken
 * @param rowsOnDisk        per event type, rows in valid files after the repair
 * @param rowsClaimed       per event type, rows the manifest counted as written or being written
 * @param eventsLostAtLeast events the crash certainly cost (claimed by the manifest, not on disk)
 * @param eventsLostAtMost  upper bound from the roll policy (rows per incomplete file); empty
 *                          when unknown (no manifest to take the roll policy from)
 * @param ringDrops         events the kernel dropped before Java saw them, per the manifest
 * @param manifestWritten   whether fsck wrote a repaired manifest
 * @param note              a sentence for the user (why skipped, what the bound means)
 */
public record SessionFsck(SessionId id, Outcome outcome, List<FsckIssue> issues, Map<String, Long> rowsOnDisk,
                          Map<String, Long> rowsClaimed, long eventsLostAtLeast, OptionalLong eventsLostAtMost,
                          long ringDrops, boolean manifestWritten, String note) {

    /** The verdict on a session. */
    public enum Outcome {
        /** Nothing to repair. */
        CLEAN,
        /** Repaired (or, in a dry run, would be). */
        REPAIRED,
        /** Left alone: live (its recorder holds the lock) or written by a newer frameloop. */
        SKIPPED,
        /** Repaired what it could; files it must not touch remain (not written by frameloop). */
        PROBLEMS
    }

    /** Copies the collections. */
    public SessionFsck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        issues = List.copyOf(issues);
        rowsOnDisk = Map.copyOf(rowsOnDisk);
        rowsClaimed = Map.copyOf(rowsClaimed);
        Objects.requireNonNull(eventsLostAtMost, "eventsLostAtMost");
        Objects.requireNonNull(note, "note");
    }
}
