package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.parquet.ParquetSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session is written.
 *
 * @param roll             when part files roll (and so the crash bound)
 * @param parquet          how part files are encoded
 * @param manifestInterval how often {@link SessionWriter#tick()} rewrites the manifest
 */
public record SessionWriterOptions(RollPolicy roll, ParquetSettings parquet, Duration manifestInterval) {
    /** {@link RollPolicy#DEFAULT}, {@link ParquetSettings#DEFAULT}, manifest every 5 s. */
    public static final SessionWriterOptions DEFAULT =
            new SessionWriterOptions(RollPolicy.DEFAULT, ParquetSettings.DEFAULT, Duration.ofSeconds(5));

    /** Checks the invariants. */
    public SessionWriterOptions {
        Objects.requireNonNull(roll, "roll");
        Objects.requireNonNull(parquet, "parquet");
        Objects.requireNonNull(manifestInterval, "manifestInterval");
        if (manifestInterval.isNegative() || manifestInterval.isZero()) {
            throw new IllegalArgumentException("manifestInterval must be positive, got " + manifestInterval);
        }
    }

    /** These options with another roll policy. */
    public SessionWriterOptions withRoll(RollPolicy newRoll) {
        return new SessionWriterOptions(newRoll, parquet, manifestInterval);
    }

    /** These options with other Parquet settings. */
    public SessionWriterOptions withParquet(ParquetSettings newParquet) {
        return new SessionWriterOptions(roll, newParquet, manifestInterval);
    }
}
