package dev.frameloop.core.dataset;

import java.time.Duration;
import java.util.Objects;

/**
 * How fsck works.
 *
 * @param dryRun      report only: move, rename and write nothing
 * @param verifyPages read every page of every file and check its CRC (not only footers)
 * @param liveWindow  on storages without locks (HDFS, object stores), a session whose manifest
 *                    says {@code recording} and was updated less than this long ago is taken
 *                    for live and left alone
 * @param force       repair sessions even when they look live (never when a local lock is held)
 */
public record FsckOptions(boolean dryRun, boolean verifyPages, Duration liveWindow, boolean force) {
    /** Repair, verify pages, live window 60 s, no force. */
    public static final FsckOptions DEFAULT = new FsckOptions(false, true, Duration.ofSeconds(60), false);

    /** Checks the invariants. */
    public FsckOptions {
        Objects.requireNonNull(liveWindow, "liveWindow");
        if (liveWindow.isNegative()) {
            throw new IllegalArgumentException("liveWindow must be >= 0, got " + liveWindow);
        }
    }

    /** These options with {@code dryRun}. */
    public FsckOptions withDryRun(boolean newDryRun) {
        return new FsckOptions(newDryRun, verifyPages, liveWindow, force);
    }
}
