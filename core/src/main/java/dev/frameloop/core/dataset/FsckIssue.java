package dev.frameloop.core.dataset;

import java.util.Objects;

/**
 * Something fsck found in a session, and what it did about it.
 *
 * @param path   the file, relative to the session folder
 * @param kind   what it is
 * @param detail why (the error that made it so), for the user
 * @param action what fsck did (or would do, in a dry run)
 */
public record FsckIssue(String path, Kind kind, String detail, String action) {

    /** What fsck found. */
    public enum Kind {
        /** A temporary file without a readable footer: the recorder stopped while writing it. Moved aside. */
        INCOMPLETE,
        /** A file under its final name that is unreadable (truncated, damaged). Moved aside. */
        CORRUPT,
        /** A complete file still under its temporary name (stopped between close and rename). Renamed. */
        RECOVERED,
        /** A file written by a newer frameloop or of an unknown event type. Left alone. */
        NEWER,
        /** A file frameloop did not write, or in the wrong folder. Left alone. */
        FOREIGN,
        /** A leftover of an interrupted manifest write or a dead recorder's lock. Deleted. */
        LEFTOVER,
        /** The manifest is missing or unreadable. Rebuilt from the files. */
        MANIFEST
    }

    /** Checks for nulls. */
    public FsckIssue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(action, "action");
    }
}
