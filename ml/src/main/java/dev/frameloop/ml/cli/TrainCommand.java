package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.ml.features.RoleRules;
import dev.frameloop.ml.train.LabelledRows;
import dev.frameloop.ml.train.ModelCard;
import dev.frameloop.ml.train.ModelStore;
import dev.frameloop.ml.train.Progress;
import dev.frameloop.ml.train.TribuoLogging;
import dev.frameloop.ml.train.Task;
import dev.frameloop.ml.train.TrainerKind;
import dev.frameloop.ml.train.Training;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code frameloop train}: features from sessions, a Tribuo model, held-out evaluation, a model folder. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
                "Learns a model from recorded sessions: computes the features (ml/FEATURES.md), trains a Tribuo model,"
                        + " evaluates it with k-fold cross-validation split by session (never rows of one session on"
                        + " both sides) against two baselines (the scheduler's own heuristic and the majority class),"
                        + " then trains the kept model on every session and writes MODEL_DIR:",
                "  model.pb    the Tribuo model in its protobuf format, with provenance (never Java serialization)",
                "  model.onnx  ONNX export, for logistic and fm (Tribuo cannot export trees or XGBoost)",
                "  model.json, model.md   the model card: sessions, feature-set version, trainer and hyper-parameters,"
                        + " seed, metrics with 95 %% bootstrap intervals, baselines, code version",
                "thread-role: per-class precision/recall/F1 and confusion matrix; frame-miss: also ROC-AUC, PR-AUC,"
                        + " Brier score and calibration. The same seed and data give the same model and metrics.",
                "xgboost trains fine offline but predicts one example in ~0.5-1 ms (a native matrix per call):"
                        + " offline only, not for the live loop; logistic, fm and cart predict in microseconds.",
                "Progress goes to stderr, the evaluation summary to stdout."})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "DIR",
            description = "Dataset folders (frameloop record --out) or single session=<id> folders; every session"
                    + " in them is used.")
    List<Path> data;

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "thread-role (a thread's role over 1 s windows; labels from thread names, see RoleRules)"
                    + " or frame-miss (whether a process's next frame misses its pacing target).")
    String task;

    @Option(names = "--trainer", defaultValue = "logistic", paramLabel = "NAME",
            description = "logistic | fm | cart | forest | xgboost (default: ${DEFAULT-VALUE}). xgboost: offline only.")
    String trainer;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "Model folder to create; must not exist or be empty. Nothing is written there on error.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the fold split, the trainers and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
            description = "Cross-validation folds, split by session; needs at least K sessions (default: ${DEFAULT-VALUE}).")
    int folds;

    @Override
    public Integer call() {
        TribuoLogging.quiet();
        Task parsedTask = parse(() -> Task.fromName(task));
        TrainerKind parsedTrainer = parse(() -> TrainerKind.fromName(trainer));
        LearningErrors.translate(() -> {
            ModelStore.checkWritable(out);
            return null;
        });
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = new Progress(err);
        List<SessionReader> sessions = SessionDirs.open(SessionDirs.distinct(data));
        progress.step(sessions.size() + " session" + (sessions.size() == 1 ? "" : "s") + " found; computing "
                + parsedTask.cliName() + " features");
        if (sessions.size() < Math.max(2, folds)) {
            throw new UserFacingException(ExitCodes.USAGE, sessions.size() + " session" + (sessions.size() == 1 ? "" : "s")
                    + " cannot make " + folds + " folds split by session; give at least " + Math.max(2, folds)
                    + " sessions with --data, or fewer --folds (at least 2)");
        }
        JsonNode card = LearningErrors.translate(() -> {
            LabelledRows rows = LabelledRows.read(parsedTask, sessions, RoleRules.DEFAULT, progress);
            Training.Result result;
            try {
                result = Training.run(new Training.Options(parsedTask, parsedTrainer, seed, folds), rows, progress);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(ExitCodes.USAGE, e.getMessage(), e);
            }
            return ModelStore.write(out, result);
        });
        progress.step("model folder written: " + out);
        stdout.println(ModelCard.evaluationMarkdown(card.path("evaluation")));
        stdout.println("model: " + out.resolve(ModelStore.MODEL_FILE) + " (" + card.path("files").path("model_bytes").asText()
                + " bytes); card: " + out.resolve(ModelCard.MARKDOWN));
        stdout.flush();
        return ExitCodes.OK;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }
}
