package dev.frameloop.ml.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model on other sessions: the same metrics and baselines as training's cross-validation
 * (the majority baseline is the majority class of the model's training rows, from its card).
 */
public final class Evaluation {
    /** The metrics and Tribuo's own report. */
    public record Report(Map<String, Object> evaluation, String tribuoEvaluation) {
    }

    private Evaluation() {
    }

    /** Evaluates {@code loaded} on {@code rows}. */
    public static Report run(LoadedModel loaded, LabelledRows rows, long seed) {
        List<String> classes = Training.classes(rows);
        for (Iterator<JsonNode> it = loaded.card().path("classes").elements(); it.hasNext(); ) {
            String c = it.next().asText();
            if (!classes.contains(c)) {
                classes.add(c);
            }
        }
        String majorityClass = majority(loaded.card());
        Predictions model = new Predictions(rows, classes);
        Predictions majority = new Predictions(rows, classes);
        Predictions heuristic = new Predictions(rows, classes);
        List<Prediction<Label>> tribuo = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            tribuo.add(model.predict(loaded.model(), rows, i));
            majority.constant(majorityClass, i);
            heuristic.heuristic(rows, i);
        }
        int positive = rows.task().positiveLabel().map(classes::indexOf).orElse(-1);
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("method", "model " + loaded.dir() + " on " + rows.sessions().size() + " sessions it was not"
                + " trained on; 95 % intervals from " + Metrics.RESAMPLES + " bootstrap resamples of sessions");
        evaluation.put("model", Metrics.report(model.scored(), positive, seed));
        Map<String, Object> baselines = new LinkedHashMap<>();
        Map<String, Object> m = Metrics.report(majority.scored(), positive, seed);
        m.put("what", "the most frequent class of the model's training rows (" + majorityClass + ")");
        baselines.put("majority", m);
        Map<String, Object> h = Metrics.report(heuristic.scored(), positive, seed);
        h.put("what", rows.task().heuristicDescription());
        baselines.put("heuristic", h);
        evaluation.put("baselines", baselines);
        LabelEvaluation tribuoEvaluation = new LabelEvaluator().evaluate(loaded.model(), tribuo,
                new SimpleDataSourceProvenance("frameloop evaluate sessions " + String.join(",", rows.sessions()),
                        OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC), new org.tribuo.classification.LabelFactory()));
        return new Report(evaluation, tribuoEvaluation.toString());
    }

    private static String majority(JsonNode card) {
        String best = null;
        int most = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = card.path("rows").path("per_class").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().asInt() > most) {
                most = e.getValue().asInt();
                best = e.getKey();
            }
        }
        if (best == null) {
            throw new ModelFolderException("the card of the model has no rows.per_class; train the model again");
        }
        return best;
    }
}
