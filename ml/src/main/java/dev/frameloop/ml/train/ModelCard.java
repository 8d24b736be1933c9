package dev.frameloop.ml.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frameloop.ml.features.FeatureSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model card of a model folder: {@code model.json} (read back by {@code evaluate} and the live
 * loop) and {@code model.md} (for people), from one map of fields.
 */
public final class ModelCard {
    /** {@code format} of every card. */
    public static final String FORMAT = "frameloop-model";
    /** Version of the card layout this build writes and reads. */
    public static final int VERSION = 1;
    /** Card file names. */
    public static final String JSON = "model.json";
    public static final String MARKDOWN = "model.md";

    private ModelCard() {
    }

    /** The card fields of a training result. */
    public static Map<String, Object> of(Training.Result result, long modelBytes, boolean onnx) {
        Training.Options o = result.options();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("format", FORMAT);
        card.put("card_version", VERSION);
        card.put("task", o.task().cliName());
        card.put("feature_set_version", FeatureSet.VERSION);
        card.put("features", List.of(FeatureSet.names(o.task().features())));
        card.put("classes", result.rows().labels());
        o.task().positiveLabel().ifPresent(p -> card.put("positive_class", p));
        Map<String, Object> trainer = new LinkedHashMap<>();
        trainer.put("name", o.trainer().cliName());
        trainer.put("description", o.trainer().description());
        trainer.put("hyper_parameters", o.trainer().hyperParameters());
        trainer.put("tribuo_trainer", o.trainer().create(o.seed()).toString());
        trainer.put("tribuo_version", org.tribuo.Tribuo.VERSION);
        card.put("trainer", trainer);
        card.put("seed", o.seed());
        card.put("folds", o.folds());
        card.put("sessions", result.rows().sessions());
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("total", result.rows().size());
        rows.put("per_class", result.rows().labelCounts());
        card.put("rows", rows);
        card.put("evaluation", result.evaluation());
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("model", ModelStore.MODEL_FILE + " (Tribuo protobuf, with provenance; never Java serialization)");
        files.put("model_bytes", modelBytes);
        files.put("onnx", onnx ? ModelStore.ONNX_FILE : null);
        files.put("onnx_note", o.trainer().onnxNote());
        card.put("files", files);
        card.put("live_use", o.trainer().liveSuitable()
                ? "suitable: a single prediction takes microseconds"
                : "offline only: XGBoost builds a native matrix per call, ~0.5-1 ms per single prediction");
        card.put("train_seconds", Math.round(result.trainSeconds() * 1000) / 1000.0);
        card.put("cross_validation_seconds", Math.round(result.crossValidationSeconds() * 1000) / 1000.0);
        card.put("code_version", CodeVersion.current());
        return card;
    }

    /** The card as Markdown, from its JSON form. */
    public static String markdown(JsonNode card, String tribuoEvaluation) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(card.path("task").asText()).append(" / ")
                .append(card.path("trainer").path("name").asText()).append("\n\n");
        md.append("| | |\n| --- | --- |\n");
        row(md, "task", card.path("task").asText());
        row(md, "feature set", "version " + card.path("feature_set_version").asText() + " (" + card.path("features").size()
                + " features, see ml/FEATURES.md)");
        row(md, "classes", join(card.path("classes")));
        row(md, "trainer", card.path("trainer").path("name").asText() + ": " + card.path("trainer").path("description").asText());
        row(md, "hyper-parameters", card.path("trainer").path("hyper_parameters").toString());
        row(md, "Tribuo", card.path("trainer").path("tribuo_version").asText());
        row(md, "seed", card.path("seed").asText());
        row(md, "sessions", card.path("sessions").size() + ": " + join(card.path("sessions")));
        row(md, "rows", card.path("rows").path("total").asText() + " " + card.path("rows").path("per_class").toString());
        row(md, "files", card.path("files").path("model").asText() + "; ONNX: "
                + (card.path("files").path("onnx").isNull() ? "none" : card.path("files").path("onnx").asText())
                + " (" + card.path("files").path("onnx_note").asText() + ")");
        row(md, "live use", card.path("live_use").asText());
        row(md, "train time", card.path("train_seconds").asText() + " s (kept model), "
                + card.path("cross_validation_seconds").asText() + " s (cross-validation)");
        row(md, "code version", card.path("code_version").asText());
        md.append('\n');
        md.append(evaluationMarkdown(card.path("evaluation")));
        if (tribuoEvaluation != null) {
            md.append("\n## Tribuo's evaluation of the held-out predictions\n\n```\n").append(tribuoEvaluation.strip())
                    .append("\n```\n");
        }
        return md.toString();
    }

    /** The evaluation section (model against baselines), as Markdown. */
    public static String evaluationMarkdown(JsonNode evaluation) {
        StringBuilder md = new StringBuilder();
        md.append("## Held-out evaluation\n\n").append(evaluation.path("method").asText()).append("\n\n");
        JsonNode model = evaluation.path("model");
        boolean binary = model.has("roc_auc");
        md.append("| predictor | accuracy | macro-F1 |");
        if (binary) {
            md.append(" ROC-AUC | PR-AUC | Brier | ECE |");
        }
        md.append("\n| --- | --- | --- |").append(binary ? " --- | --- | --- | --- |" : "").append('\n');
        metricsRow(md, "model", model, binary);
        evaluation.path("baselines").fields().forEachRemaining(e -> metricsRow(md, "baseline: " + e.getKey(),
                e.getValue(), binary));
        md.append("\nBaselines: ");
        evaluation.path("baselines").fields().forEachRemaining(e -> md.append(e.getKey()).append(" = ")
                .append(e.getValue().path("what").asText()).append("; "));
        md.append("\n\n");
        md.append(verdict(evaluation, binary)).append("\n\n");
        md.append("### Model per class\n\n| class | support | precision | recall | F1 |\n| --- | --- | --- | --- | --- |\n");
        model.path("per_class").fields().forEachRemaining(e -> md.append("| ").append(e.getKey()).append(" | ")
                .append(e.getValue().path("support").asText()).append(" | ")
                .append(e.getValue().path("precision").asText()).append(" | ")
                .append(e.getValue().path("recall").asText()).append(" | ")
                .append(e.getValue().path("f1").asText()).append(" |\n"));
        JsonNode confusion = model.path("confusion");
        md.append("\n### Model confusion matrix (rows: true class, columns: predicted)\n\n| |");
        confusion.path("classes").forEach(c -> md.append(' ').append(c.asText()).append(" |"));
        md.append("\n| --- |");
        confusion.path("classes").forEach(c -> md.append(" --- |"));
        md.append('\n');
        for (int i = 0; i < confusion.path("classes").size(); i++) {
            md.append("| ").append(confusion.path("classes").get(i).asText()).append(" |");
            confusion.path("matrix").get(i).forEach(v -> md.append(' ').append(v.asText()).append(" |"));
            md.append('\n');
        }
        if (binary) {
            md.append("\n### Model calibration (").append("ECE ")
                    .append(model.path("calibration").path("expected_calibration_error").asText()).append(")\n\n")
                    .append("| predicted | rows | mean predicted | observed rate |\n| --- | --- | --- | --- |\n");
            model.path("calibration").path("bins").forEach(b -> md.append("| ").append(b.path("from").asText())
                    .append("-").append(b.path("to").asText()).append(" | ").append(b.path("rows").asText())
                    .append(" | ").append(b.path("mean_predicted").asText("")).append(" | ")
                    .append(b.path("observed_rate").asText("")).append(" |\n"));
        }
        return md.toString();
    }

    private static String verdict(JsonNode evaluation, boolean binary) {
        String metric = binary ? "roc_auc" : "macro_f1";
        JsonNode model = evaluation.path("model").path(metric);
        StringBuilder s = new StringBuilder("Verdict on ").append(metric).append(": ");
        evaluation.path("baselines").fields().forEachRemaining(e -> {
            JsonNode base = e.getValue().path(metric);
            String word;
            if (model.path("ci95").size() == 2 && base.path("ci95").size() == 2) {
                double modelLow = model.path("ci95").get(0).asDouble();
                double modelHigh = model.path("ci95").get(1).asDouble();
                double baseLow = base.path("ci95").get(0).asDouble();
                double baseHigh = base.path("ci95").get(1).asDouble();
                word = modelLow > baseHigh ? "beats" : modelHigh < baseLow ? "is WORSE than"
                        : "does not clearly differ from (intervals overlap)";
            } else {
                word = "cannot be compared with (no interval)";
            }
            s.append("the model ").append(word).append(" the ").append(e.getKey()).append(" baseline; ");
        });
        return s.toString().strip();
    }

    private static void metricsRow(StringBuilder md, String name, JsonNode m, boolean binary) {
        md.append("| ").append(name).append(" | ").append(value(m.path("accuracy"))).append(" | ")
                .append(value(m.path("macro_f1"))).append(" |");
        if (binary) {
            md.append(' ').append(value(m.path("roc_auc"))).append(" | ").append(value(m.path("pr_auc"))).append(" | ")
                    .append(value(m.path("brier"))).append(" | ")
                    .append(m.path("calibration").path("expected_calibration_error").asText()).append(" |");
        }
        md.append('\n');
    }

    private static String value(JsonNode metric) {
        if (metric.path("value").isNull() || metric.path("value").isMissingNode()) {
            return "n/a";
        }
        String v = String.format("%.3f", metric.path("value").asDouble());
        if (metric.path("ci95").size() == 2) {
            v += String.format(" [%.3f, %.3f]", metric.path("ci95").get(0).asDouble(), metric.path("ci95").get(1).asDouble());
        }
        return v;
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        array.forEach(n -> s.append(s.length() == 0 ? "" : ", ").append(n.asText()));
        return s.toString();
    }
}
