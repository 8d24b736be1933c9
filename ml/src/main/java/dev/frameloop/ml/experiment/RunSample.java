package dev.frameloop.ml.experiment;

/**
 * What one run of a workload measured, from its ground truth.
 *
 * @param frameTimesMs      time between consecutive presents, ms (one fewer than the frames presented)
 * @param missed            per frame time: whether the frame that ended it missed its deadline
 * @param inputLatenciesMs  input event to the present of the first frame that started after it was read, ms
 * @param underruns         audio underruns of the run
 */
public record RunSample(double[] frameTimesMs, boolean[] missed, double[] inputLatenciesMs, long underruns) {
    public RunSample {
        if (frameTimesMs.length != missed.length) {
            throw new IllegalArgumentException("frameTimesMs and missed must have one entry per frame time, got "
                    + frameTimesMs.length + " and " + missed.length);
        }
        if (underruns < 0) {
            throw new IllegalArgumentException("underruns must not be negative, got " + underruns);
        }
        frameTimesMs = frameTimesMs.clone();
        missed = missed.clone();
        inputLatenciesMs = inputLatenciesMs.clone();
    }

    public int frames() {
        return frameTimesMs.length;
    }
}
