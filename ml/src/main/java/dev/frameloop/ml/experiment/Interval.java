package dev.frameloop.ml.experiment;

/** A point estimate with a confidence interval; NaN everywhere when the data do not define it. */
public record Interval(double estimate, double low, double high) {
    public Interval {
        if (!Double.isNaN(low) && !Double.isNaN(high) && low > high) {
            throw new IllegalArgumentException("interval low " + low + " is above high " + high);
        }
    }

    public boolean isDefined() {
        return !Double.isNaN(estimate) && !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** Whether the interval lies entirely above or entirely below zero. */
    public boolean excludesZero() {
        return isDefined() && (low > 0 || high < 0);
    }
}
