package dev.frameloop.ml.experiment;

/** What a difference between two arms says: better or worse only when its interval excludes no change. */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_CLEAR_DIFFERENCE("no clear difference"),
    UNDEFINED("n/a");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The verdict on {@code difference} = arm − baseline for {@code metric}. */
    public static Verdict of(Metric metric, Interval difference) {
        if (!difference.isDefined()) {
            return UNDEFINED;
        }
        if (!difference.excludesZero()) {
            return NO_CLEAR_DIFFERENCE;
        }
        boolean higher = difference.low() > 0;
        return higher == (metric.better() == Metric.Better.HIGHER) ? BETTER : WORSE;
    }

    public String text() {
        return text;
    }
}
