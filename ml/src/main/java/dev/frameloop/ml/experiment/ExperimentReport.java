package dev.frameloop.ml.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an experiment's report into its folder: {@code report.md} (plots as files in {@code plots/}),
 * {@code report.html} (the same, self-contained) and {@code results.json} (the numbers, for notebooks).
 */
public final class ExperimentReport {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    public static final String JSON = "results.json";

    /**
     * What the report describes.
     *
     * @param command  the exact command line the experiment was started with
     * @param recorder what recorded sessions ({@link SessionRecorder#describe()})
     */
    public record Inputs(ExperimentPlan plan, List<RunOutcome> outcomes, ExperimentAnalysis analysis, SystemInfo system,
                         List<String> command, Instant started, Instant ended, String recorder) {
    }

    private ExperimentReport() {
    }

    /** Writes every file; returns the HTML report's path. */
    public static Path write(Path out, Inputs in) throws IOException {
        Map<String, ReportCharts.Plot> plots = ReportCharts.draw(in.analysis().arms());
        Path plotDir = Files.createDirectories(out.resolve("plots"));
        for (var plot : plots.entrySet()) {
            Files.write(plotDir.resolve(plot.getKey()), plot.getValue().png());
        }
        ReportDocument doc = document(in, plots, out);
        Files.writeString(out.resolve(MARKDOWN), MarkdownRenderer.render(doc));
        Files.writeString(out.resolve(HTML), HtmlRenderer.render(doc));
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve(JSON).toFile(), json(in));
        return out.resolve(HTML);
    }

    static ReportDocument document(ExperimentReport.Inputs in, Map<String, ReportCharts.Plot> plots, Path out) throws IOException {
        ExperimentPlan plan = in.plan();
        ExperimentAnalysis analysis = in.analysis();
        Bootstrap b = analysis.bootstrap();
        ReportDocument doc = new ReportDocument("frameloop experiment");
        doc.add(new ReportDocument.Facts(List.of(
                new String[] {"command", String.join(" ", in.command())},
                new String[] {"started", in.started().toString()},
                new String[] {"ended", in.ended().toString()},
                new String[] {"workload", plan.workload().describe()},
                new String[] {"background", plan.background().toString() + (plan.background().isNone() ? ""
                        : " (" + String.join(" ", plan.background().stressNgCommand(plan.duration().toSeconds() + 600)) + ")")},
                new String[] {"arms", String.join(", ", plan.arms().stream().map(Arm::toString).toList()) + " (baseline: "
                        + plan.baseline().name() + ")"},
                new String[] {"runs", plan.repeats() + " per arm, " + plan.duration().toMillis() / 1000.0
                        + " s each, interleaved (" + String.join(" ", plan.runs().stream().map(r -> r.arm().name()).toList()) + ")"},
                new String[] {"intervals", Math.round(b.confidence() * 100) + " % percentile bootstrap, " + b.iterations()
                        + " resamples, seed " + b.seed() + "; circular blocks of ⌈n^⅓⌉ frames, stratified by run"},
                new String[] {"recorded sessions", in.recorder()})));
        for (Arm arm : plan.arms()) {
            arm.modelDir().ifPresent(dir -> doc.add(new ReportDocument.Facts(List.<String[]>of(
                    new String[] {arm.name() + " model", ModelDescription.of(dir)}))));
        }

        doc.add(new ReportDocument.Heading(2, "System"));
        doc.add(new ReportDocument.Facts(in.system().entries().entrySet().stream()
                .map(e -> new String[] {e.getKey(), e.getValue()}).toList()));

        doc.add(new ReportDocument.Heading(2, "Results per arm"));
        List<String> header = new ArrayList<>(List.of("metric"));
        analysis.arms().forEach(a -> header.add(a.arm().name()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("runs with data / runs", analysis.arms(), a -> a.samples().size() + " / " + a.outcomes().size()));
        rows.add(row("frames (ground truth)", analysis.arms(), a -> Long.toString(a.frames())));
        rows.add(row("input events presented", analysis.arms(),
                a -> Long.toString(a.samples().stream().mapToLong(s -> s.inputLatenciesMs().length).sum())));
        rows.add(row("audio underruns (total)", analysis.arms(), a -> Long.toString(a.underruns())));
        for (Metric m : Metric.values()) {
            rows.add(row(m.label() + " (" + m.unit() + ")", analysis.arms(),
                    a -> a.hasData() ? format(a.intervals().get(m)) : "unavailable"));
        }
        rows.add(row("scheduler BPF callbacks (% of one CPU, mean of runs)", analysis.arms(),
                a -> overhead(a, SchedOverhead::bpfCpuPercent)));
        rows.add(row("scheduler BPF callback (ns per run, mean of runs)", analysis.arms(), a -> overhead(a, SchedOverhead::nsPerRun)));
        rows.add(row("frameloop sched process (% of one CPU, mean of runs)", analysis.arms(),
                a -> overhead(a, SchedOverhead::userCpuPercent)));
        rows.add(row("recorded sessions read / runs", analysis.arms(), a -> a.sessions().size() + " / " + a.outcomes().size()));
        rows.add(row("migrations per s, all threads (recorded, mean of runs)", analysis.arms(),
                a -> sessionMean(a, RecordedSession::migrationsPerSecond)));
        rows.add(row("migrations per s, the workload's threads (recorded, mean of runs)", analysis.arms(),
                a -> sessionMean(a, RecordedSession::gameMigrationsPerSecond)));
        rows.add(row("scheduler deadline misses (recorded, total)", analysis.arms(), ExperimentReport::recordedMisses));
        rows.add(row("events the recorder lost (total)", analysis.arms(),
                a -> a.sessions().isEmpty() ? "n/a" : Long.toString(a.sessions().stream().mapToLong(RecordedSession::lost).sum())));
        doc.add(new ReportDocument.Table(header, rows));
        for (ArmResult a : analysis.arms()) {
            if (!a.hasData()) {
                String why = a.outcomes().isEmpty() ? "no runs" : a.outcomes().get(0).message();
                doc.add(new ReportDocument.Paragraph(a.arm().name() + ": no data — " + why));
            }
        }

        doc.add(new ReportDocument.Heading(2, "Differences against " + plan.baseline().name()));
        if (analysis.comparisons().isEmpty()) {
            doc.add(new ReportDocument.Paragraph("No comparison: it needs data from the baseline and at least one other arm."));
        } else {
            doc.add(new ReportDocument.Paragraph("Each difference is arm − " + plan.baseline().name()
                    + " with its interval. An arm is called better or worse only when the interval excludes zero."));
            List<List<String>> diff = new ArrayList<>();
            for (Comparison c : analysis.comparisons()) {
                diff.add(List.of(c.arm(), c.metric().label() + " (" + c.metric().unit() + ")", format(c.difference()),
                        c.verdict().text()));
            }
            doc.add(new ReportDocument.Table(List.of("arm", "metric", "difference [interval]", "verdict"), diff));
        }

        doc.add(new ReportDocument.Heading(2, "Definitions"));
        doc.add(new ReportDocument.Paragraph("Frame time: the time between consecutive presents (synthgame_present), as"
                + " PresentMon's MsBetweenPresents. Percentiles: nearest rank. Average FPS: frames over the time they took"
                + " (1000 / mean frame time). 1 % and 0.1 % lows: MangoHud's definition (src/fps_metrics.h) — frame times"
                + " sorted slowest first, the one at index ⌊p·n⌋ − 1, as FPS; n/a when p·n < 1. Stutter: CapFrameX's"
                + " definition, a frame time above 2.5 × the average frame time. Deadline miss: a frame presented after"
                + " its frame time + 1/FPS. Input-to-present latency: from synthgame-inject's write of a move to"
                + " /dev/uinput to the present of the first frame that started after the game read it."));

        if (!plots.isEmpty()) {
            doc.add(new ReportDocument.Heading(2, "Plots"));
            plots.forEach((file, plot) -> doc.add(new ReportDocument.Image("plots/" + file, plot.caption(), plot.png())));
        }

        doc.add(new ReportDocument.Heading(2, "Frame cross-check"));
        doc.add(new ReportDocument.Paragraph("The frames frameloop recorded for the game's pid (frame_timing, from the uprobe"
                + " on its present) against the game's own ground truth: the same number of frames, and every frame interval"
                + " within " + FrameCrossCheck.TOLERANCE_NS / 1000 + " µs of the game's. The game reads the clock in its present"
                + " and again when the call has returned, and the probe fires in between; a frame whose window is wider than"
                + " the bar (a preemption, a long interrupt, in an emulator a paused virtual CPU) is excused with its two"
                + " intervals, and counted; at least half of the intervals must be checked."));
        List<String> failing = crossCheckFailures(in.outcomes());
        if (!failing.isEmpty()) {
            doc.add(new ReportDocument.Paragraph("CROSS-CHECK FAILED in " + failing.size() + " run(s): " + String.join("; ", failing)
                    + ". The recorded frames do not match what the game presented: do not trust frame figures taken from"
                    + " the recorded sessions of this experiment."));
        }
        List<List<String>> checks = new ArrayList<>();
        for (RunOutcome o : in.outcomes()) {
            checks.add(List.of(o.run().folderName(), o.run().arm().name(), o.crossCheck().map(FrameCrossCheck::describe)
                    .orElse(o.groundTruth().isEmpty() ? "not checked: no ground truth" : "not checked: no recorded session"
                            + " (recorder: " + in.recorder() + ")")));
        }
        doc.add(new ReportDocument.Table(List.of("run", "arm", "cross-check"), checks));

        doc.add(new ReportDocument.Heading(2, "Runs"));
        List<List<String>> runRows = new ArrayList<>();
        for (RunOutcome o : in.outcomes()) {
            runRows.add(List.of(Integer.toString(o.run().index()), o.run().arm().name(), Integer.toString(o.run().repeat()),
                    o.status().name().toLowerCase(Locale.ROOT), o.message(), threads(o), recordedSession(o)));
        }
        doc.add(new ReportDocument.Table(List.of("#", "arm", "repeat", "status", "what happened", "workload threads (name=tid)",
                "recorded session"), runRows));
        doc.add(new ReportDocument.Paragraph("Raw runs (ground truth CSV/JSON, logs, run.json, recorded session when there is one):"));
        for (RunOutcome o : in.outcomes()) {
            doc.add(new ReportDocument.Link(o.run().folderName(), out.relativize(o.dir()) + "/"));
        }
        for (RunOutcome o : in.outcomes()) {
            Path summary = o.dir().resolve(RunOutcome.SCHED_SUMMARY);
            if (Files.exists(summary)) {
                doc.add(new ReportDocument.Heading(3, "Scheduler report, run " + o.run().folderName()));
                doc.add(new ReportDocument.Preformatted(Files.readString(summary)));
            }
        }

        doc.add(new ReportDocument.Heading(2, "Not measured here"));
        doc.add(new ReportDocument.Paragraph("The default arm's scheduling cost."
                + " Scheduler overhead is the gamer scheduler's struct_ops callbacks' run time (kernel.bpf_stats_enabled,"
                + " read with bpftool while it is attached) and its userspace process's CPU time, over the run's wall time."));
        return doc;
    }

    /** "run-name: what failed" for each run whose cross-check does not hold. */
    public static List<String> crossCheckFailures(List<RunOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.crossCheck().map(c -> !c.holds()).orElse(false))
                .map(o -> o.run().folderName() + ": " + o.crossCheck().get().describe()).toList();
    }

    private static List<String> row(String label, List<ArmResult> arms, java.util.function.Function<ArmResult, String> cell) {
        List<String> r = new ArrayList<>(List.of(label));
        arms.forEach(a -> r.add(cell.apply(a)));
        return r;
    }

    private static String sessionMean(ArmResult a, java.util.function.ToDoubleFunction<RecordedSession> figure) {
        double mean = a.sessions().stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        return Double.isNaN(mean) ? "n/a" : number(mean);
    }

    private static String recordedMisses(ArmResult a) {
        List<RecordedSession> withMisses = a.sessions().stream().filter(s -> s.deadlineMisses().isPresent()).toList();
        if (withMisses.isEmpty()) {
            return a.sessions().isEmpty() ? "n/a" : "not recorded (" + a.sessions().get(0).mode() + " mode)";
        }
        return Long.toString(withMisses.stream().mapToLong(s -> s.deadlineMisses().getAsInt()).sum());
    }

    private static String recordedSession(RunOutcome o) {
        return o.session().map(s -> s.sessionId() + " (" + s.mode() + ", " + number(s.seconds()) + " s, " + s.migrations()
                + " migrations, " + s.gameMigrations() + " of the workload)").orElse("none");
    }

    private static String overhead(ArmResult a, java.util.function.ToDoubleFunction<SchedOverhead> figure) {
        if (a.arm().kind() == Arm.Kind.DEFAULT) {
            return "n/a (the kernel's own scheduler is not measured)";
        }
        List<SchedOverhead> all = a.overheads();
        return all.isEmpty() ? "not measured" : number(all.stream().mapToDouble(figure).average().orElse(Double.NaN));
    }

    static String format(Interval i) {
        if (i == null || Double.isNaN(i.estimate())) {
            return "n/a";
        }
        if (Double.isNaN(i.low())) {
            return number(i.estimate()) + " [interval n/a]";
        }
        return number(i.estimate()) + " [" + number(i.low()) + ", " + number(i.high()) + "]";
    }

    private static String number(double v) {
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** The workload's threads as its ground truth names them (system strings: the renderers escape them). */
    private static String threads(RunOutcome o) {
        if (o.groundTruth().isEmpty()) {
            return "";
        }
        JsonNode summary = o.groundTruth().get().summary();
        JsonNode threads = summary.path("threads");
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = threads.fields();
        String renderName = summary.path("render_thread_name").asText("render");
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey().equals("render") ? renderName : e.getKey();
            parts.add(name + "=" + e.getValue().asText());
        }
        return String.join(" ", parts);
    }

    private static JsonNode json(Inputs in) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.putPOJO("command", in.command());
        root.put("workload", in.plan().workload().describe());
        root.put("background", in.plan().background().toString());
        root.put("repeats", in.plan().repeats());
        root.put("duration_s", in.plan().duration().toMillis() / 1000.0);
        root.put("bootstrap_iterations", in.analysis().bootstrap().iterations());
        root.put("confidence", in.analysis().bootstrap().confidence());
        root.put("seed", in.analysis().bootstrap().seed());
        ObjectNode system = root.putObject("system");
        in.system().entries().forEach(system::put);
        ArrayNode arms = root.putArray("arms");
        for (ArmResult a : in.analysis().arms()) {
            ObjectNode arm = arms.addObject();
            arm.put("arm", a.arm().toString());
            a.arm().modelDir().ifPresent(d -> arm.put("model", d.toString()).put("model_description", ModelDescription.of(d)));
            arm.put("recorded_sessions", a.sessions().size());
            arm.put("runs", a.outcomes().size());
            arm.put("runs_with_data", a.samples().size());
            arm.put("frames", a.frames());
            arm.put("audio_underruns", a.underruns());
            ObjectNode metrics = arm.putObject("metrics");
            a.intervals().forEach((m, i) -> metrics.putObject(m.name().toLowerCase(Locale.ROOT))
                    .put("estimate", i.estimate()).put("low", i.low()).put("high", i.high()).put("unit", m.unit()));
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (Comparison c : in.analysis().comparisons()) {
            comparisons.addObject().put("baseline", c.baseline()).put("arm", c.arm())
                    .put("metric", c.metric().name().toLowerCase(Locale.ROOT)).put("difference", c.difference().estimate())
                    .put("low", c.difference().low()).put("high", c.difference().high()).put("verdict", c.verdict().name());
        }
        ArrayNode runs = root.putArray("runs");
        for (RunOutcome o : in.outcomes()) {
            ObjectNode r = runs.addObject().put("index", o.run().index()).put("arm", o.run().arm().name())
                    .put("repeat", o.run().repeat()).put("status", o.status().name()).put("message", o.message())
                    .put("dir", o.dir().getFileName().toString());
            o.groundTruth().ifPresent(gt -> r.put("frames", gt.frames()).put("input_latencies", gt.inputLatenciesNs().length)
                    .put("audio_underruns", gt.underruns()));
            o.crossCheck().ifPresent(c -> r.putObject("frame_cross_check").put("holds", c.holds()).put("pid", c.pid())
                    .put("ground_truth_frames", c.groundTruth()).put("recorded_frames", c.captured())
                    .put("max_interval_deviation_ns", c.maxDeviationNs()).put("intervals_over_tolerance", c.overTolerance())
                    .put("intervals_excused_wide_window", c.excused()).put("max_excused_deviation_ns", c.maxExcusedNs()));
            o.overhead().ifPresent(s -> r.put("sched_bpf_cpu_percent", s.bpfCpuPercent()).put("sched_bpf_ns_per_run", s.nsPerRun())
                    .put("sched_process_cpu_percent", s.userCpuPercent()));
            o.session().ifPresent(s -> {
                ObjectNode session = r.putObject("session");
                session.put("id", s.sessionId()).put("mode", s.mode()).put("seconds", s.seconds())
                        .put("migrations", s.migrations()).put("workload_migrations", s.gameMigrations())
                        .put("process_events", s.processEvents()).put("lost", s.lost());
                s.deadlineMisses().ifPresent(m -> session.put("deadline_misses", m));
            });
        }
        return root;
    }
}
