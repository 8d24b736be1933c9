package dev.frameloop.ml.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of a finished experiment, read back from the {@code results.json} that
 * {@link ExperimentReport} wrote into its folder: per arm each metric with its interval, and each
 * arm's difference against the baseline with its verdict.
 */
public final class ExperimentResults {
    private final Path file;
    private final JsonNode root;

    private ExperimentResults(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Reads {@code dir/results.json}.
     *
     * @throws ExperimentResultsException when it is missing or is not an experiment's results
     */
    public static ExperimentResults read(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve(ExperimentReport.JSON);
        if (!Files.isRegularFile(file)) {
            throw new ExperimentResultsException("no " + ExperimentReport.JSON + " in " + file.getParent()
                    + ": give the --out folder of a finished `frameloop experiment` (it writes " + ExperimentReport.JSON
                    + " when the experiment ends)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ExperimentResultsException("cannot read " + file + ": not JSON (" + e.getOriginalMessage()
                    + "); run the experiment again", e);
        } catch (IOException e) {
            throw new ExperimentResultsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("arms").isArray() || !root.path("comparisons").isArray()) {
            throw new ExperimentResultsException("cannot read " + file + ": it has no arms and comparisons lists;"
                    + " is it the results.json of `frameloop experiment`?");
        }
        return new ExperimentResults(file, root);
    }

    /** The file the results came from. */
    public Path file() {
        return file;
    }

    /** The arms, in the experiment's order. */
    public List<String> armNames() {
        List<String> names = new ArrayList<>();
        root.path("arms").forEach(a -> names.add(a.path("arm").asText()));
        return names;
    }

    /** One row per arm: its runs, runs with data, frames and audio underruns. */
    public Table runs() {
        StringColumn arm = StringColumn.create("arm");
        IntColumn runs = IntColumn.create("runs");
        IntColumn withData = IntColumn.create("runs with data");
        DoubleColumn frames = DoubleColumn.create("frames");
        DoubleColumn underruns = DoubleColumn.create("audio underruns");
        for (JsonNode a : root.path("arms")) {
            arm.append(a.path("arm").asText());
            runs.append(a.path("runs").asInt());
            withData.append(a.path("runs_with_data").asInt());
            frames.append(a.path("frames").asDouble());
            underruns.append(a.path("audio_underruns").asDouble());
        }
        return Table.create("runs per arm", arm, runs, withData, frames, underruns);
    }

    /** One row per arm and metric: the estimate and its interval (NaN when an arm has no data). */
    public Table arms() {
        StringColumn arm = StringColumn.create("arm");
        StringColumn metric = StringColumn.create("metric");
        StringColumn unit = StringColumn.create("unit");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn low = DoubleColumn.create("low");
        DoubleColumn high = DoubleColumn.create("high");
        for (JsonNode a : root.path("arms")) {
            for (Metric m : Metric.values()) {
                JsonNode value = a.path("metrics").path(key(m));
                arm.append(a.path("arm").asText());
                metric.append(m.label());
                unit.append(m.unit());
                estimate.append(number(value.path("estimate")));
                low.append(number(value.path("low")));
                high.append(number(value.path("high")));
            }
        }
        return Table.create("arms", arm, metric, unit, estimate, low, high);
    }

    /** One row per arm and metric: arm − baseline with its interval, and whether the interval excludes zero. */
    public Table comparisons() {
        StringColumn arm = StringColumn.create("arm");
        StringColumn baseline = StringColumn.create("baseline");
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn difference = DoubleColumn.create("difference");
        DoubleColumn low = DoubleColumn.create("low");
        DoubleColumn high = DoubleColumn.create("high");
        StringColumn verdict = StringColumn.create("verdict");
        for (JsonNode c : root.path("comparisons")) {
            arm.append(c.path("arm").asText());
            baseline.append(c.path("baseline").asText());
            metric.append(labelOf(c.path("metric").asText()));
            difference.append(number(c.path("difference")));
            low.append(number(c.path("low")));
            high.append(number(c.path("high")));
            verdict.append(verdictText(c.path("verdict").asText()));
        }
        return Table.create("differences against the baseline", arm, baseline, metric, difference, low, high, verdict);
    }

    /** The metric per arm as bars with the interval as error bars (arms without data are left out). */
    public CategoryChart chart(Metric metric) {
        List<String> names = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        List<Double> halfWidths = new ArrayList<>();
        for (JsonNode a : root.path("arms")) {
            JsonNode value = a.path("metrics").path(key(metric));
            double estimate = number(value.path("estimate"));
            if (Double.isNaN(estimate)) {
                continue;
            }
            double low = number(value.path("low"));
            double high = number(value.path("high"));
            names.add(a.path("arm").asText());
            estimates.add(estimate);
            halfWidths.add(Double.isNaN(low) ? 0.0 : Math.max(estimate - low, high - estimate));
        }
        CategoryChart chart = new CategoryChartBuilder().width(640).height(320).title(metric.label() + " per arm")
                .xAxisTitle("arm").yAxisTitle(metric.unit()).build();
        chart.getStyler().setLegendVisible(false);
        if (!names.isEmpty()) {
            chart.addSeries(metric.label(), names, estimates, halfWidths);
        }
        return chart;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "experiment %s: %s, arms %s, %d runs per arm of %.1f s, %.0f %% intervals from %d"
                        + " bootstrap resamples (seed %d)", file.getParent(), root.path("workload").asText(),
                String.join(", ", armNames()), root.path("repeats").asInt(), root.path("duration_s").asDouble(),
                root.path("confidence").asDouble() * 100, root.path("bootstrap_iterations").asInt(), root.path("seed").asLong());
    }

    private static String key(Metric m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    private static String labelOf(String key) {
        for (Metric m : Metric.values()) {
            if (key(m).equals(key)) {
                return m.label();
            }
        }
        return key;
    }

    private static String verdictText(String name) {
        try {
            return Verdict.valueOf(name).text();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** Jackson writes NaN as the string "NaN" or a number; a missing value is NaN. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.isTextual() ? Double.parseDouble(node.asText()) : Double.NaN;
    }
}
