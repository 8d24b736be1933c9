package dev.frameloop.ml.features;

/**
 * One frame row: a presented frame with its features in {@link FeatureSet#FRAME} order and the
 * labels taken from the next frame of its stream.
 *
 * @param timestampNs    present time (CLOCK_MONOTONIC ns)
 * @param pid            presenting process
 * @param tid            presenting thread
 * @param swapchainId    the stream (surface) presented
 * @param frameSeq       per-process frame counter
 * @param missed         whether this frame itself missed (label rule applied to it)
 * @param features       feature values (owned by the row)
 * @param nextMiss       label: the next frame misses
 * @param nextIntervalMs label: the next frame's interval, ms
 */
public record FrameRow(long timestampNs, int pid, int tid, long swapchainId, long frameSeq, boolean missed,
                       double[] features, boolean nextMiss, double nextIntervalMs) {
    /** Checks the components. */
    public FrameRow {
        if (features.length != FeatureSet.FRAME.size()) {
            throw new IllegalArgumentException("a frame row has " + FeatureSet.FRAME.size() + " features, got "
                    + features.length);
        }
    }
}
