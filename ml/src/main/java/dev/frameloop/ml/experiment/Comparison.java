package dev.frameloop.ml.experiment;

/**
 * One metric of one arm against the baseline: the difference {@code arm − baseline} with its interval, and
 * the verdict it allows.
 */
public record Comparison(String baseline, String arm, Metric metric, Interval difference) {
    public Verdict verdict() {
        return Verdict.of(metric, difference);
    }
}
