package dev.frameloop.ml.train;

import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.List;
import java.util.Map;

/** Fills {@link ScoredRows} arrays from a Tribuo model or from the scheduler's heuristic. */
final class Predictions {
    private final List<String> classes;
    final int[] truth;
    final int[] predicted;
    final double[][] scores;
    final int[] session;

    Predictions(LabelledRows rows, List<String> classes) {
        this.classes = List.copyOf(classes);
        int n = rows.size();
        truth = new int[n];
        predicted = new int[n];
        scores = new double[n][classes.size()];
        session = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = classIndex(rows.label(i));
            session[i] = rows.sessionOf(i);
        }
    }

    /** Predicts row {@code row} with {@code model}; returns Tribuo's prediction. */
    Prediction<Label> predict(Model<Label> model, LabelledRows rows, int row) {
        Prediction<Label> prediction = model.predict(rows.example(row));
        predicted[row] = classIndex(prediction.getOutput().getLabel());
        Map<String, Label> byClass = prediction.getOutputScores();
        for (int c = 0; c < classes.size(); c++) {
            Label score = byClass.get(classes.get(c));
            scores[row][c] = score == null ? 0.0 : score.getScore();
        }
        if (byClass.isEmpty()) {
            scores[row][predicted[row]] = 1.0;
        }
        return prediction;
    }

    /** Answers row {@code row} with the scheduler's heuristic. */
    void heuristic(LabelledRows rows, int row) {
        Task task = rows.task();
        predicted[row] = classIndex(task.heuristicLabel(rows.table(), row));
        if (task.positiveLabel().isPresent()) {
            int positive = classIndex(task.positiveLabel().get());
            double p = task.heuristicScore(rows.table(), row);
            for (int c = 0; c < classes.size(); c++) {
                scores[row][c] = c == positive ? p : 1.0 - p;
            }
        } else {
            scores[row][predicted[row]] = 1.0;
        }
    }

    /** Answers row {@code row} with a constant class (the majority of the training rows). */
    void constant(String label, int row) {
        predicted[row] = classIndex(label);
        scores[row][predicted[row]] = 1.0;
    }

    ScoredRows scored() {
        return new ScoredRows(classes, truth, predicted, scores, session);
    }

    private int classIndex(String label) {
        int c = classes.indexOf(label);
        if (c < 0) {
            throw new IllegalStateException("class " + label + " is not among " + classes);
        }
        return c;
    }
}
