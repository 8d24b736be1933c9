package dev.frameloop.ml.analysis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;

/**
 * Statistics of a sequence of frame times (the time between consecutive presents, in ms), with
 * the definitions CapFrameX uses, so numbers compare with its reports:
 * <ul>
 *   <li>average FPS: frames × 1000 / total frame time (not the mean of per-frame FPS);</li>
 *   <li>x % low (1 %, 0.1 %): sort frame times from slowest, add them up until the sum reaches
 *       x % of the total capture time; the frame time reached is the threshold, and the x % low is
 *       1000 / threshold in FPS (CapFrameX's "1% low" / "0.1% low", the same as MSI Afterburner's;
 *       time-weighted, not "the average of the slowest x % of frames");</li>
 *   <li>stutter: a frame time above {@value #CAPFRAMEX_STUTTER_FACTOR} × the capture's average
 *       frame time (CapFrameX's default stuttering factor).</li>
 * </ul>
 * Percentiles of frame time interpolate linearly between the closest ranks (Hyndman–Fan type 7:
 * numpy's default and DuckDB's {@code quantile_cont}).
 */
public final class FrameTimeStats {
    /** CapFrameX's default stuttering factor: a frame slower than this × the average stutters. */
    public static final double CAPFRAMEX_STUTTER_FACTOR = 2.5;

    private final double[] frameTimesMs;
    private final double[] ascending;
    private final double totalMs;

    private FrameTimeStats(double[] frameTimesMs) {
        if (frameTimesMs.length == 0) {
            throw new IllegalArgumentException("no frame times: statistics need at least one frame");
        }
        double total = 0;
        for (int i = 0; i < frameTimesMs.length; i++) {
            double t = frameTimesMs[i];
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("frame time " + (i + 1) + " must be a positive number of ms, got " + t);
            }
            total += t;
        }
        this.frameTimesMs = frameTimesMs.clone();
        this.ascending = frameTimesMs.clone();
        Arrays.sort(ascending);
        this.totalMs = total;
    }

    /** Statistics of frame times in milliseconds, in present order. */
    public static FrameTimeStats ofMillis(double... frameTimesMs) {
        return new FrameTimeStats(frameTimesMs);
    }

    /** Statistics of frame intervals in nanoseconds (the {@code frame_interval_ns} column), in present order. */
    public static FrameTimeStats ofNanos(long... frameIntervalsNs) {
        double[] ms = new double[frameIntervalsNs.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = frameIntervalsNs[i] / 1e6;
        }
        return new FrameTimeStats(ms);
    }

    /** Number of frame times. */
    public int frames() {
        return frameTimesMs.length;
    }

    /** The frame times in ms, in present order (a copy). */
    public double[] frameTimesMs() {
        return frameTimesMs.clone();
    }

    /** Sum of the frame times: the capture's duration in ms. */
    public double totalMs() {
        return totalMs;
    }

    /** Mean frame time in ms. */
    public double meanMs() {
        return totalMs / frameTimesMs.length;
    }

    /** frames × 1000 / total ms (CapFrameX's average FPS). */
    public double averageFps() {
        return frameTimesMs.length * 1000.0 / totalMs;
    }

    /** Slowest frame time in ms. */
    public double maxMs() {
        return ascending[ascending.length - 1];
    }

    /**
     * The frame time below which {@code percent} % of frames fall, interpolated linearly
     * between the closest ranks (type 7).
     *
     * @param percent 0..100
     */
    public double percentileMs(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be within 0..100, got " + percent);
        }
        double rank = (ascending.length - 1) * percent / 100.0;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, ascending.length - 1);
        return ascending[below] + (rank - below) * (ascending[above] - ascending[below]);
    }

    /**
     * CapFrameX's x % low threshold in ms: adding frame times from the slowest, the one at which
     * the sum first reaches {@code share} of the total time.
     *
     * @param share the x % as a fraction, e.g. 0.01 for the 1 % low; within (0, 1]
     */
    public double lowThresholdMs(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be within (0, 1], e.g. 0.01 for 1 %, got " + share);
        }
        double target = totalMs * share;
        double sum = 0;
        for (int i = ascending.length - 1; i >= 0; i--) {
            sum += ascending[i];
            if (sum >= target) {
                return ascending[i];
            }
        }
        return ascending[0];
    }

    /** CapFrameX's x % low in FPS: 1000 / {@link #lowThresholdMs}. */
    public double lowFps(double share) {
        return 1000.0 / lowThresholdMs(share);
    }

    /** CapFrameX's 1 % low in FPS. */
    public double onePercentLowFps() {
        return lowFps(0.01);
    }

    /** CapFrameX's 0.1 % low in FPS. */
    public double pointOnePercentLowFps() {
        return lowFps(0.001);
    }

    /** Frame times above the stutter threshold ({@value #CAPFRAMEX_STUTTER_FACTOR} × the mean). */
    public int stutterCount() {
        return stutterCount(CAPFRAMEX_STUTTER_FACTOR);
    }

    /** Frame times above {@code factor} × the mean frame time. */
    public int stutterCount(double factor) {
        double threshold = stutterThresholdMs(factor);
        int n = 0;
        for (double t : frameTimesMs) {
            if (t > threshold) {
                n++;
            }
        }
        return n;
    }

    /** The stutter threshold in ms: {@code factor} × the mean frame time. */
    public double stutterThresholdMs(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("stutter factor must be > 0, got " + factor);
        }
        return factor * meanMs();
    }

    /** Share (0..1) of the capture's time spent in stutter frames (CapFrameX's stuttering time). */
    public double stutterTimeShare() {
        double threshold = stutterThresholdMs(CAPFRAMEX_STUTTER_FACTOR);
        double stutter = 0;
        for (double t : frameTimesMs) {
            if (t > threshold) {
                stutter += t;
            }
        }
        return stutter / totalMs;
    }

    /** The figures as a two-column table (metric, value), rounded to 0.01, for notebooks and reports. */
    public Table summary() {
        String[] metrics = {"frames", "average FPS", "1% low FPS", "0.1% low FPS", "P50 frame time ms",
                "P95 frame time ms", "P99 frame time ms", "P99.9 frame time ms", "max frame time ms",
                "stutters (> 2.5 x mean)", "stutter time %"};
        double[] values = {frames(), averageFps(), onePercentLowFps(), pointOnePercentLowFps(), percentileMs(50),
                percentileMs(95), percentileMs(99), percentileMs(99.9), maxMs(), stutterCount(), 100 * stutterTimeShare()};
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(values[i] * 100) / 100.0;
        }
        return Table.create("frame time statistics", StringColumn.create("metric", metrics),
                DoubleColumn.create("value", values));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d frames, %.1f FPS average, 1%% low %.1f FPS, 0.1%% low %.1f FPS, %d stutters",
                frames(), averageFps(), onePercentLowFps(), pointOnePercentLowFps(), stutterCount());
    }
}
