package dev.frameloop.ml.demo;

import dev.frameloop.ml.experiment.BackgroundSpec;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How big a demo is, and where it writes.
 *
 * @param out                the demo's folder (absolute)
 * @param sessions           sessions to record (at least 2: models are evaluated on held-out sessions)
 * @param sessionDuration    how long synthgame runs in each recorded session
 * @param runDuration        how long synthgame runs in each experiment run
 * @param repeats            experiment runs per arm
 * @param background         the background load while recording and in every experiment run
 * @param seed               the seed of synthgame, training and the bootstrap
 */
public record DemoSettings(Path out, int sessions, Duration sessionDuration, Duration runDuration, int repeats,
                           BackgroundSpec background, long seed) {
    public DemoSettings {
        if (!out.isAbsolute()) {
            throw new IllegalArgumentException("out must be absolute, got " + out);
        }
        if (sessions < 2) {
            throw new IllegalArgumentException("sessions must be at least 2 (the models are evaluated on held-out"
                    + " sessions), got " + sessions);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (sessionDuration.toMillis() < 3000 || runDuration.toMillis() < 1000) {
            throw new IllegalArgumentException("sessions need at least 3 s (thread-role windows are 1 s) and runs at"
                    + " least 1 s, got " + sessionDuration.toMillis() + " ms and " + runDuration.toMillis() + " ms");
        }
    }

    /** The default demo: about 10 minutes on a 2-core machine that runs it in a TCG guest. */
    public static DemoSettings standard(Path out) {
        return new DemoSettings(out, 2, Duration.ofSeconds(15), Duration.ofSeconds(6), 1, BackgroundSpec.parse("cpu:1"), 1);
    }

    /** The smallest demo that still runs every step (CI). */
    public static DemoSettings quick(Path out) {
        return new DemoSettings(out, 2, Duration.ofSeconds(6), Duration.ofSeconds(3), 1, BackgroundSpec.parse("cpu:1"), 1);
    }

    /** Thread-role folds: one per session, at most 3. */
    public int folds() {
        return Math.min(sessions, 3);
    }
}
