package dev.frameloop.ml.train;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cross-validated training on labelled rows: k folds split by session; in each fold the model and
 * the majority baseline are trained on the other folds' sessions and answer the held-out rows; the
 * pooled held-out answers of the model, the majority class and the scheduler's heuristic are scored
 * with the same metrics ({@link Metrics}), the model's also with Tribuo's {@link LabelEvaluator}.
 * The model that is kept is then trained on every session.
 */
public final class Training {
    /** What to train. */
    public record Options(Task task, TrainerKind trainer, long seed, int folds) {
        public Options {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(trainer, "trainer");
        }
    }

    /** The kept model and what the card says about it. */
    public record Result(Options options, Model<Label> model, LabelledRows rows, List<String> classes,
                         Map<String, Object> evaluation, String tribuoEvaluation, double trainSeconds,
                         double crossValidationSeconds) {
    }

    private Training() {
    }

    /** Trains, evaluates held-out, and trains the kept model on everything. */
    public static Result run(Options options, LabelledRows rows, Progress progress) {
        TribuoLogging.quiet();
        SessionFolds folds = new SessionFolds(rows.sessions().size(), options.folds(), options.seed());
        List<String> classes = classes(rows);
        Predictions model = new Predictions(rows, classes);
        Predictions majority = new Predictions(rows, classes);
        Predictions heuristic = new Predictions(rows, classes);
        List<Prediction<Label>> tribuoPredictions = new ArrayList<>();
        List<String> foldsMissingAClass = new ArrayList<>();
        long cvStart = System.nanoTime();
        for (int f = 0; f < folds.folds(); f++) {
            int fold = f;
            MutableDataset<Label> train = rows.dataset(s -> folds.foldOf(s) != fold);
            progress.step("fold " + (f + 1) + "/" + folds.folds() + ": training " + options.trainer().cliName() + " on "
                    + train.size() + " rows");
            Model<Label> foldModel = options.trainer().create(options.seed()).train(train);
            Model<Label> foldMajority = DummyClassifierTrainer.createMostFrequentTrainer().train(train);
            if (foldModel.getOutputIDInfo().size() < rows.labels().size()) {
                foldsMissingAClass.add(Integer.toString(f + 1));
            }
            for (int i = 0; i < rows.size(); i++) {
                if (folds.foldOf(rows.sessionOf(i)) == fold) {
                    tribuoPredictions.add(model.predict(foldModel, rows, i));
                    majority.predict(foldMajority, rows, i);
                    heuristic.heuristic(rows, i);
                }
            }
        }
        double cvSeconds = (System.nanoTime() - cvStart) / 1e9;
        progress.step("cross-validation done; training the kept model on all " + rows.size() + " rows");
        long start = System.nanoTime();
        Trainer<Label> trainer = options.trainer().create(options.seed());
        MutableDataset<Label> everything = rows.dataset(s -> true);
        Model<Label> kept = trainer.train(everything);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        progress.step(String.format("trained in %.2f s", trainSeconds));

        int positive = options.task().positiveLabel().map(classes::indexOf).orElse(-1);
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("method", folds.folds() + "-fold cross-validation split by session (seed " + options.seed()
                + "); metrics over the pooled held-out rows; 95 % intervals from " + Metrics.RESAMPLES
                + " bootstrap resamples of sessions");
        evaluation.put("model", Metrics.report(model.scored(), positive, options.seed()));
        Map<String, Object> baselines = new LinkedHashMap<>();
        Map<String, Object> majorityReport = Metrics.report(majority.scored(), positive, options.seed());
        majorityReport.put("what", "the most frequent class of the training folds (Tribuo DummyClassifierTrainer)");
        baselines.put("majority", majorityReport);
        Map<String, Object> heuristicReport = Metrics.report(heuristic.scored(), positive, options.seed());
        heuristicReport.put("what", options.task().heuristicDescription());
        baselines.put("heuristic", heuristicReport);
        evaluation.put("baselines", baselines);
        // Tribuo's evaluator needs a score for every class in each prediction: a fold trained without one has none
        String tribuo = foldsMissingAClass.isEmpty()
                ? new LabelEvaluator().evaluate(kept, tribuoPredictions, everything.getProvenance()).toString()
                : "Tribuo's evaluation is left out: the training rows of fold " + String.join(", ", foldsMissingAClass)
                        + " lack a class (" + rows.labelCounts() + " over all folds); record more varied sessions";
        return new Result(options, kept, rows, classes, evaluation, tribuo, trainSeconds, cvSeconds);
    }

    /** The task's labels in sorted order, then any the heuristic answers that no row has (e.g. UNKNOWN). */
    static List<String> classes(LabelledRows rows) {
        List<String> classes = new ArrayList<>(rows.labels());
        if (rows.task().positiveLabel().isPresent()) {
            for (String binary : List.of(dev.frameloop.ml.features.FeatureTables.MISS,
                    dev.frameloop.ml.features.FeatureTables.OK)) {
                if (!classes.contains(binary)) {
                    classes.add(binary);
                }
            }
            classes.sort(null);
        }
        for (int i = 0; i < rows.size(); i++) {
            String h = rows.task().heuristicLabel(rows.table(), i);
            if (!classes.contains(h)) {
                classes.add(h);
            }
        }
        return classes;
    }
}
