package dev.frameloop.ml.train;

import java.util.List;
import java.util.Objects;

/**
 * Held-out answers of one predictor on labelled rows: the true and predicted class of each row,
 * the predictor's score for every class, and the row's session (for the bootstrap by session).
 *
 * @param classes   class names; indices below refer to them
 * @param truth     true class index per row
 * @param predicted predicted class index per row
 * @param scores    per row, a score per class (probabilities where the predictor gives them)
 * @param session   session index per row
 */
public record ScoredRows(List<String> classes, int[] truth, int[] predicted, double[][] scores, int[] session) {
    /** Checks the components. */
    public ScoredRows {
        classes = List.copyOf(classes);
        Objects.requireNonNull(truth, "truth");
        if (predicted.length != truth.length || scores.length != truth.length || session.length != truth.length) {
            throw new IllegalArgumentException("truth, predicted, scores and session must have one entry per row");
        }
    }

    public int size() {
        return truth.length;
    }
}
