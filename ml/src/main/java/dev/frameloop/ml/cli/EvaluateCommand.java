package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.ml.features.RoleRules;
import dev.frameloop.ml.train.Evaluation;
import dev.frameloop.ml.train.LabelledRows;
import dev.frameloop.ml.train.LoadedModel;
import dev.frameloop.ml.train.ModelCard;
import dev.frameloop.ml.train.ModelStore;
import dev.frameloop.ml.train.Progress;
import dev.frameloop.ml.train.TribuoLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code frameloop evaluate}: a trained model on other sessions, with the same report as training. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
                "Evaluates a model folder (frameloop train --out) on sessions: the same metrics as training's"
                        + " held-out report (accuracy, macro-F1, per-class precision/recall/F1, confusion matrix;"
                        + " frame-miss also ROC-AUC, PR-AUC, Brier, calibration), with 95 %% bootstrap intervals over"
                        + " sessions, against the scheduler's heuristic and the majority class of the training rows.",
                "Warns when a session was also in the model's training data. Progress goes to stderr."})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Model folder from frameloop train.")
    Path model;

    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "DIR",
            description = "Dataset folders or single session=<id> folders to evaluate on.")
    List<Path> data;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the bootstrap intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the evaluation as JSON instead of Markdown.")
    boolean json;

    @Override
    public Integer call() {
        TribuoLogging.quiet();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err);
        LoadedModel loaded = LearningErrors.translate(() -> ModelStore.load(model, null));
        progress.step("loaded " + loaded.task().cliName() + " model (" + loaded.trainer().cliName() + ") from " + model);
        List<SessionReader> sessions = SessionDirs.open(SessionDirs.distinct(data));
        Set<String> trainedOn = new HashSet<>();
        loaded.card().path("sessions").forEach(s -> trainedOn.add(s.asText()));
        for (SessionReader s : sessions) {
            if (trainedOn.contains(s.id().toString())) {
                err.println("warning: session " + s.id() + " was in the model's training data; its metrics are not"
                        + " held-out");
            }
        }
        Evaluation.Report report = LearningErrors.translate(() -> {
            LabelledRows rows = LabelledRows.read(loaded.task(), sessions, RoleRules.DEFAULT, progress);
            return Evaluation.run(loaded, rows, seed);
        });
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            if (json) {
                out.println(mapper.writeValueAsString(report.evaluation()));
            } else {
                out.println(ModelCard.evaluationMarkdown(mapper.valueToTree(report.evaluation())));
                out.println("## Tribuo's evaluation\n\n```\n" + report.tribuoEvaluation().strip() + "\n```");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the evaluation as JSON", e);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
