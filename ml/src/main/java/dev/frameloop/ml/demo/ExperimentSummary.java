package dev.frameloop.ml.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.ml.experiment.ExperimentReport;
import dev.frameloop.ml.experiment.Metric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few lines the demo ends with, from an experiment's {@code results.json}: each arm's average FPS and
 * p99 frame time with their intervals, the differences an interval calls better or worse, and where the
 * report is.
 */
public final class ExperimentSummary {
    private static final List<Metric> SHOWN = List.of(Metric.AVERAGE_FPS, Metric.FRAME_TIME_P99, Metric.DEADLINE_MISS_PERCENT);

    private ExperimentSummary() {
    }

    public static List<String> lines(Path experimentDir) {
        Path file = experimentDir.resolve(ExperimentReport.JSON);
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(ExitCodes.USAGE, "no experiment results in " + experimentDir + " ("
                    + ExperimentReport.JSON + " is missing): run the experiment step first (--steps experiment,report)");
        }
        JsonNode results;
        try {
            results = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode arm : results.path("arms")) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-12s", arm.path("arm").asText().replaceAll("=.*", "")));
            b.append(String.format(Locale.ROOT, " %d/%d runs with data", arm.path("runs_with_data").asInt(), arm.path("runs").asInt()));
            for (Metric m : SHOWN) {
                JsonNode v = arm.path("metrics").path(key(m));
                b.append("; ").append(m.label()).append(' ').append(v.isMissingNode() ? "n/a"
                        : interval(v.path("estimate").asDouble(Double.NaN), v.path("low").asDouble(Double.NaN),
                        v.path("high").asDouble(Double.NaN)) + " " + m.unit());
            }
            lines.add(b.toString());
        }
        int called = 0;
        for (JsonNode c : results.path("comparisons")) {
            String verdict = c.path("verdict").asText();
            if (verdict.equals("BETTER") || verdict.equals("WORSE")) {
                called++;
                lines.add(String.format(Locale.ROOT, "  %s vs %s: %s %s by %s", c.path("arm").asText(), c.path("baseline").asText(),
                        label(c.path("metric").asText()), verdict.toLowerCase(Locale.ROOT),
                        interval(c.path("difference").asDouble(Double.NaN), c.path("low").asDouble(Double.NaN),
                                c.path("high").asDouble(Double.NaN))));
            }
        }
        if (called == 0) {
            lines.add("  no arm differs from " + results.path("arms").path(0).path("arm").asText("the baseline")
                    + " beyond its interval (a short demo has wide intervals: more --repeats and --duration narrow them)");
        }
        lines.addAll(crossChecks(results));
        lines.add("report: " + experimentDir.resolve(ExperimentReport.HTML));
        lines.add("report: " + experimentDir.resolve(ExperimentReport.MARKDOWN));
        return lines;
    }

    /** "frame cross-check: holds in 2 of 3 runs; FAILS in 00-default-r0: 2 intervals off by more than 50 µs (max 9061.3 µs)". */
    private static List<String> crossChecks(JsonNode results) {
        int checked = 0;
        List<String> failing = new ArrayList<>();
        for (JsonNode run : results.path("runs")) {
            JsonNode c = run.path("frame_cross_check");
            if (c.isMissingNode()) {
                continue;
            }
            checked++;
            if (!c.path("holds").asBoolean(false)) {
                failing.add(run.path("dir").asText() + ": " + (c.path("max_interval_deviation_ns").asLong() < 0
                        ? c.path("recorded_frames").asLong() + " frames recorded, " + c.path("ground_truth_frames").asLong() + " presented"
                        : c.path("intervals_over_tolerance").asInt() == 0
                        ? c.path("intervals_excused_wide_window").asInt() + " intervals excused (the game's window around the probe wider than 50 µs), too few left to check"
                        : String.format(Locale.ROOT, "%d intervals off by more than 50 µs (max %.1f µs)",
                        c.path("intervals_over_tolerance").asInt(), c.path("max_interval_deviation_ns").asLong() / 1e3)));
            }
        }
        if (checked == 0) {
            return List.of();
        }
        String line = "  frame cross-check: holds in " + (checked - failing.size()) + " of " + checked + " runs";
        return List.of(failing.isEmpty() ? line : line + "; FAILS in " + String.join("; ", failing));
    }

    /** The metric's label ("1% low") for its results.json key ("low_1"); the key itself if this build has no such metric. */
    private static String label(String key) {
        for (Metric m : Metric.values()) {
            if (key(m).equals(key)) {
                return m.label();
            }
        }
        return key.replace('_', ' ');
    }

    private static String key(Metric m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    private static String interval(double estimate, double low, double high) {
        if (Double.isNaN(estimate)) {
            return "n/a";
        }
        return Double.isNaN(low) ? String.format(Locale.ROOT, "%.2f", estimate)
                : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", estimate, low, high);
    }
}
