package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.core.dataset.RollPolicy;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * Picocli mixin: when part files roll. Also the crash bound: a crash (SIGKILL, power loss) loses
 * at most the rows of the files still open, one per event type.
 */
public final class RollOptions {
    @Option(names = "--roll-rows", paramLabel = "N",
            description = "Close a part file and start the next after N rows. Default: 1000000.")
    long rows = RollPolicy.DEFAULT.maxRows();

    @Option(names = "--roll-interval", paramLabel = "D", converter = DurationConverter.class,
            description = "Close a part file once it has been open for D (e.g. 30s, 5m), even with fewer rows."
                    + " Default: 30s.")
    Duration interval = RollPolicy.DEFAULT.maxInterval();

    /** The policy, or an error naming the option. */
    public RollPolicy policy() {
        if (rows < 1) {
            throw new IllegalArgumentException("--roll-rows must be at least 1, was " + rows);
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("--roll-interval must be positive");
        }
        return new RollPolicy(rows, interval);
    }
}
