package dev.frameloop.ml.experiment;

/**
 * The frame statistics an experiment reports, as pure functions over frame times in milliseconds (the time
 * between consecutive presents, as PresentMon's MsBetweenPresents, CapFrameX and MangoHud use).
 *
 * <ul>
 *   <li>percentiles: nearest rank, the smallest value with at least p·n values at or below it (no interpolation);</li>
 *   <li>average FPS: frames over the time they took, 1000 / mean frame time (MangoHud's "AVG");</li>
 *   <li>p % low: MangoHud's definition ({@code src/fps_metrics.h}): frame times sorted slowest first, the one at
 *       index ⌊p·n⌋ − 1, as FPS (so the 1 % low of 1000 frames is the 10th slowest frame's rate); undefined
 *       (NaN) when p·n &lt; 1;</li>
 *   <li>stutter: CapFrameX's definition, a frame time above {@value #STUTTER_FACTOR} × the average frame time.</li>
 * </ul>
 */
public final class FrameStats {
    /** CapFrameX's default stuttering factor. */
    public static final double STUTTER_FACTOR = 2.5;

    private FrameStats() {
    }

    /** Nearest-rank percentile of ascending {@code sorted} values; {@code p} in (0, 1]; NaN when empty. */
    public static double percentile(double[] sorted, double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile p must be in (0, 1], got " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length - 1e-9);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** 1000 / mean frame time (ms); NaN when empty. */
    public static double averageFps(double[] frameTimesMs) {
        if (frameTimesMs.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double t : frameTimesMs) {
            sum += t;
        }
        return 1000.0 * frameTimesMs.length / sum;
    }

    /** MangoHud's p % low in FPS from ascending frame times (ms); {@code fraction} is p/100, e.g. 0.01. */
    public static double lowFps(double[] sortedFrameTimesMs, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("low fraction must be in (0, 1), got " + fraction);
        }
        int n = sortedFrameTimesMs.length;
        long index = (long) Math.floor(fraction * n + 1e-9) - 1; // index among the slowest-first order
        if (index < 0) {
            return Double.NaN;
        }
        return 1000.0 / sortedFrameTimesMs[(int) (n - 1 - index)];
    }

    /** Frames slower than {@value #STUTTER_FACTOR} × the average frame time. */
    public static int stutters(double[] frameTimesMs) {
        if (frameTimesMs.length == 0) {
            return 0;
        }
        double mean = 1000.0 / averageFps(frameTimesMs);
        int count = 0;
        for (double t : frameTimesMs) {
            if (t > STUTTER_FACTOR * mean) {
                count++;
            }
        }
        return count;
    }
}
