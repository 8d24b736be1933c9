package dev.frameloop.core.dataset;

import java.time.Duration;
import java.util.Objects;

/**
 * When a part file is closed and the next one started: after {@code maxRows} rows, or once it
 * has been open for {@code maxInterval} (checked on every {@code tick}), whichever comes
 * first. This is also the crash bound: a crash loses at most the rows of the files still open,
 * i.e. at most {@code maxRows} and {@code maxInterval} of events per event type.
 *
 * @param maxRows     rows per file, at least 1
 * @param maxInterval longest time a file stays open, positive
 */
public record RollPolicy(long maxRows, Duration maxInterval) {
    /** 1,000,000 rows or 30 s. */
    public static final RollPolicy DEFAULT = new RollPolicy(1_000_000, Duration.ofSeconds(30));

    /** Checks the invariants. */
    public RollPolicy {
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        if (maxInterval.isNegative() || maxInterval.isZero()) {
            throw new IllegalArgumentException("maxInterval must be positive, got " + maxInterval);
        }
    }
}
