package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.ml.bench.PredictionBench;
import dev.frameloop.ml.train.LoadedModel;
import dev.frameloop.ml.train.ModelStore;
import dev.frameloop.ml.train.Progress;
import dev.frameloop.ml.train.TribuoLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code frameloop bench predict}: prediction latency of trained models. It lives in ml (the bench
 * command itself is collector's, which cannot see models); {@link FrameloopMain} adds it to
 * {@code bench}.
 */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        description = {
                "Measures how long each model folder (frameloop train --out) takes to predict, on this machine:"
                        + " from feature values as the live loop holds them (a double[] in feature-set order, drawn"
                        + " from each feature's training range, seeded) through building the Tribuo example the way"
                        + " training builds it to the prediction.",
                "Single example: each prediction timed alone, p50/p99/p99.9 in ns (HdrHistogram). Batch: --batch-size"
                        + " examples built and predicted in one call, ns per prediction, median over --batches.",
                "Reference, same run, same vectors: building the same example and taking a dot product over its"
                        + " features (a hand-rolled linear score); model and reference take turns in segments of"
                        + " 1000, so a loaded machine slows both, and the ratio model/reference is the steadier"
                        + " number.",
                "Target for the live loop: single-example p99 <= 5 us (5000 ns) for logistic, fm and cart."
                        + " xgboost is offline only (about 0.5-1 ms per prediction); forest is measured but not a"
                        + " live-loop target. Offline-only models are measured after the others (their native"
                        + " threads can keep CPUs busy afterwards).",
                "Progress goes to stderr; results to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:measured",
                "2:bad options, or a folder is missing or not a frameloop model folder",
                "4:an I/O error reading a model folder"})
public final class BenchPredictCommand implements Callable<Integer> {
    /** The single-example p99 the live loop needs from its models, ns. */
    public static final long TARGET_P99_NS = 5_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", arity = "1..*", required = true, paramLabel = "MODEL_DIR",
            description = "Model folders from frameloop train; each is measured in turn.")
    List<Path> models;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100000",
            description = "Timed single predictions per model, and as many reference operations"
                    + " (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50000",
            description = "Untimed single predictions (and reference operations) for the JIT: of every model"
                    + " before any is timed, and of each again just before it is (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batches", paramLabel = "B", defaultValue = "50",
            description = "Timed batches per model (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the feature vectors (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the results as JSON: an array with one object per model.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TribuoLogging.quiet();
        PredictionBench.Options options;
        try {
            options = new PredictionBench.Options(warmup, iterations, batches, batchSize, seed);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr());
        List<LoadedModel> loaded = new ArrayList<>();
        for (Path model : models) {
            loaded.add(LearningErrors.translate(() -> ModelStore.load(model, null)));
        }
        PredictionBench bench = new PredictionBench(options);
        ArrayNode results = JSON.createArrayNode();
        measure(bench, loaded.stream().filter(m -> m.trainer().liveSuitable()).toList(), progress, results);
        measure(bench, loaded.stream().filter(m -> !m.trainer().liveSuitable()).toList(), progress, results);
        if (json) {
            out.println(JSON.writeValueAsString(results));
        } else {
            out.print(text(results));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Warms a group of models, then measures each. Offline-only models (xgboost) form the second
     * group: their native threads can keep the CPUs busy after they predict, which slowed
     * the model measured next (and its reference) on this machine.
     */
    private void measure(PredictionBench bench, List<LoadedModel> group, Progress progress, ArrayNode results) {
        if (group.isEmpty()) {
            return;
        }
        progress.step("warming up " + group.size() + " model(s), " + warmup + " predictions each");
        group.forEach(bench::warmUp);
        for (LoadedModel model : group) {
            progress.step("measuring " + model.trainer().cliName() + " " + model.task().cliName() + " model "
                    + model.dir());
            results.add(json(model, bench.run(model)));
        }
    }

    static ObjectNode json(LoadedModel model, PredictionBench.Result r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", model.dir().toString());
        node.put("trainer", model.trainer().cliName());
        node.put("task", model.task().cliName());
        node.put("features", model.task().features().size());
        node.put("live_suitable", model.trainer().liveSuitable());
        node.put("single_p50_ns", r.single().p50Ns());
        node.put("single_p99_ns", r.single().p99Ns());
        node.put("single_p999_ns", r.single().p999Ns());
        node.put("single_count", r.single().count());
        node.put("batch_ns_per_prediction", r.batchNsPerPrediction());
        ObjectNode reference = node.putObject("reference");
        reference.put("what", "build the same example + dot product over its features");
        reference.put("single_p50_ns", r.reference().p50Ns());
        reference.put("single_p99_ns", r.reference().p99Ns());
        reference.put("single_p999_ns", r.reference().p999Ns());
        reference.put("batch_ns_per_op", r.referenceBatchNsPerOp());
        node.put("single_p50_ratio", ratio(r.single().p50Ns(), r.reference().p50Ns()));
        node.put("single_p99_ratio", ratio(r.single().p99Ns(), r.reference().p99Ns()));
        node.put("batch_ratio", ratio(r.batchNsPerPrediction(), r.referenceBatchNsPerOp()));
        node.put("target_p99_ns", TARGET_P99_NS);
        node.put("meets_target", r.single().p99Ns() <= TARGET_P99_NS);
        return node;
    }

    private static double ratio(double value, double reference) {
        return reference > 0 ? value / reference : Double.NaN;
    }

    private static String text(ArrayNode results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-9s %-12s %9s %9s %9s %10s | %9s %9s %10s | %7s %7s  %s%n",
                "trainer", "task", "p50 ns", "p99 ns", "p99.9 ns", "batch ns", "ref p50", "ref p99", "ref batch",
                "x p50", "x batch", "p99 <= 5 us"));
        for (var n : results) {
            var ref = n.path("reference");
            String verdict = n.path("meets_target").asBoolean() ? "yes" : "NO";
            if (!n.path("live_suitable").asBoolean()) {
                verdict += " (offline only)";
            }
            s.append(String.format(Locale.ROOT, "%-9s %-12s %9d %9d %9d %10.0f | %9d %9d %10.0f | %7.1f %7.1f  %s%n",
                    n.path("trainer").asText(), n.path("task").asText(), n.path("single_p50_ns").asLong(),
                    n.path("single_p99_ns").asLong(), n.path("single_p999_ns").asLong(),
                    n.path("batch_ns_per_prediction").asDouble(), ref.path("single_p50_ns").asLong(),
                    ref.path("single_p99_ns").asLong(), ref.path("batch_ns_per_op").asDouble(),
                    n.path("single_p50_ratio").asDouble(), n.path("batch_ratio").asDouble(), verdict));
        }
        for (var n : results) {
            s.append("  ").append(n.path("trainer").asText()).append(": ").append(n.path("model").asText()).append('\n');
        }
        s.append("reference: build the same example + dot product over its features; x = model / reference\n");
        return s.toString();
    }
}
