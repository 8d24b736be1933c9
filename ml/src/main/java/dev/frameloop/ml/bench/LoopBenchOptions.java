package dev.frameloop.ml.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code frameloop bench loop} runs.
 *
 * @param rate          triggers per second
 * @param duration      how long each reader mode (spin, epoll) and the libbpf reference run, split in segments
 * @param segments      segments per mode; the modes take turns segment by segment
 * @param targetSleep   how long the target thread sleeps between its context switches
 * @param model         a thread-role model folder; empty: a logistic model trained on synthetic rows
 * @param refConsumer   the ringbuf_ref to use; empty: the jar's, else the checkout's
 */
public record LoopBenchOptions(long rate, Duration duration, int segments, Duration targetSleep, Optional<Path> model,
                               Optional<Path> refConsumer) {
    public static final long DEFAULT_RATE = 1000;
    /** Fewest triggers a segment has, whatever the rate and duration. */
    public static final long MIN_SEGMENT_TRIGGERS = 20;

    public LoopBenchOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(targetSleep, "targetSleep");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(refConsumer, "refConsumer");
        if (rate < 1 || rate > 100_000) {
            throw new IllegalArgumentException("--rate must be 1..100000 triggers/s, got " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be > 0, got " + duration);
        }
        if (segments < 1 || segments > 100) {
            throw new IllegalArgumentException("--segments must be 1..100, got " + segments);
        }
        if (targetSleep.isNegative() || targetSleep.isZero() || targetSleep.toMillis() > 100) {
            throw new IllegalArgumentException("--target-sleep-us must be 1..100000 (µs), got " + targetSleep.toNanos() / 1000);
        }
        if (rate * (double) duration.toNanos() / 1e9 / segments > Integer.MAX_VALUE / 8.0) {
            throw new IllegalArgumentException("--rate x --duration asks for too many triggers: ask for fewer");
        }
    }

    /** Triggers per segment: rate x duration / segments, at least {@link #MIN_SEGMENT_TRIGGERS}. */
    public long triggersPerSegment() {
        return Math.max(MIN_SEGMENT_TRIGGERS, Math.round(rate * (duration.toNanos() / 1e9) / segments));
    }

    /** The first 10 % of each segment are warmup, not measured. */
    public long warmupPerSegment() {
        return triggersPerSegment() / 10;
    }
}
