package dev.frameloop.core.dataset;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session ended: its final manifest (as written, or as it would have been if the final
 * write failed), the write failure that stopped it, if any, and the error that kept the final
 * manifest from being written, if any.
 *
 * @param manifest      the final manifest
 * @param failure       the write failure that stopped recording
 * @param manifestError why the final manifest could not be written
 */
public record SessionSummary(SessionManifest manifest, Optional<Throwable> failure,
                             Optional<IOException> manifestError) {

    /** Checks for nulls. */
    public SessionSummary {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(manifestError, "manifestError");
    }

    /** Whether every event handed in was written and the manifest too. */
    public boolean isClean() {
        return failure.isEmpty() && manifestError.isEmpty() && manifest.totalLost() == 0;
    }

    /** Events handed in that are not in any file. */
    public long eventsLost() {
        return manifest.totalLost();
    }
}
