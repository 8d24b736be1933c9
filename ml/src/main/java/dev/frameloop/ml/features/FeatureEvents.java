package dev.frameloop.ml.features;

/**
 * Incremental feature state fed one event at a time, in timestamp order: the same code serves the
 * batch driver over recorded sessions and the live loop over the rings. Each implementation emits
 * rows to its sink as windows close or labels become known.
 */
public interface FeatureEvents {
    /** Feeds one event record ({@code TaskStatsEvent}, {@code FrameTimingEvent} …); other types are ignored. */
    void accept(Record event);

    /** Closes what is still open at the end of a stream (emits the last complete windows). */
    void finish();
}
