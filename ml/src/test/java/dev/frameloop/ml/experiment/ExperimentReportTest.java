package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentReportTest {
    private static final String HOSTILE = "<script>";

    @TempDir
    Path out;

    @Test
    void shouldReportEveryMetricForEveryArmWithSystemStringsEscaped() throws IOException {
        ExperimentPlan plan = new ExperimentPlan(new Workload.Synthgame(List.of("--render-name", HOSTILE)),
                Arm.parseList("default,gamer,gamer+model"), BackgroundSpec.parse("cpu:1"), Duration.ofSeconds(2), 2, 1);
        List<RunOutcome> outcomes = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            Path dir = Files.createDirectories(out.resolve("runs").resolve(run.folderName()));
            if (run.arm().kind() == Arm.Kind.GAMER_MODEL) {
                outcomes.add(new RunOutcome(run, dir, RunOutcome.Status.UNAVAILABLE, "needs the closed loop", Optional.empty()));
                continue;
            }
            double step = run.arm().kind() == Arm.Kind.GAMER ? 16.0 : 17.0;
            GroundTruthFixture.write(dir.resolve("ground-truth"), presents(200, step), new boolean[200], new long[] {3_000_000, 4_000_000},
                    1, HOSTILE);
            outcomes.add(new RunOutcome(run, dir, RunOutcome.Status.OK, "200 frames",
                    Optional.of(GroundTruth.read(dir.resolve("ground-truth")))));
        }
        ExperimentAnalysis analysis = ExperimentAnalysis.of(plan, outcomes, new Bootstrap(200, 0.95, 3));
        SystemInfo system = new SystemInfo(Map.of("kernel", "7.2 <b>bold</b> & co", "host", "h"));

        Path html = ExperimentReport.write(out, new ExperimentReport.Inputs(plan, outcomes, analysis, system,
                List.of("frameloop", "experiment", "--synthgame-args", "'--render-name <script>'"), Instant.EPOCH, Instant.EPOCH,
                "none: test"));

        String page = Files.readString(html);
        String markdown = Files.readString(out.resolve(ExperimentReport.MARKDOWN));
        assertEquals(List.of(), tagsOutsideTheRenderersOwn(page), "every '<' in the HTML opens one of the renderer's own tags");
        assertFalse(markdown.contains(HOSTILE), "the Markdown escapes system strings too");
        assertTrue(page.contains("&lt;script&gt;=11"), "the render thread is shown under its (escaped) name");
        assertTrue(page.contains("7.2 &lt;b&gt;bold&lt;/b&gt; &amp; co"));
        for (Metric m : Metric.values()) {
            String row = page.substring(page.indexOf("<tr><td>" + m.label() + " (" + m.unit() + ")</td>"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertEquals(4, countOf(row, "<td"), "metric " + m.label() + ": a label and one cell per arm: " + row);
            assertTrue(row.endsWith("<td>unavailable</td>"), "gamer+model has no data: " + row);
            assertFalse(row.contains("<td>unavailable</td><td>"), "default and gamer have data: " + row);
        }
        assertTrue(page.contains("no clear difference") || page.contains("better") || page.contains("worse"));
        assertTrue(page.contains("src=\"data:image/png;base64,"), "plots are inline");
        assertFalse(page.contains("http://") || page.contains("https://"), "nothing is fetched from the network");
        for (PlannedRun run : plan.runs()) {
            assertTrue(page.contains("href=\"runs/" + run.folderName() + "/\""), "a link to run " + run.folderName());
        }
        assertTrue(Files.size(out.resolve("plots/frame-time-cdf.png")) > 0);
        assertTrue(Files.exists(out.resolve("plots/input-latency-cdf.png")));
        assertTrue(Files.readString(out.resolve(ExperimentReport.JSON)).contains("\"frame_time_p99\""));
    }

    @Test
    void shouldShowEachRunsFrameCrossCheckAndSayLoudlyWhenOneFails() throws IOException {
        ExperimentPlan plan = new ExperimentPlan(new Workload.Synthgame(List.of()), Arm.parseList("default"), BackgroundSpec.parse("none"),
                Duration.ofSeconds(2), 2, 1);
        List<RunOutcome> outcomes = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            Path dir = Files.createDirectories(out.resolve("runs").resolve(run.folderName()));
            long[] truth = presents(100, 16.0);
            GroundTruthFixture.write(dir.resolve("ground-truth"), truth, new boolean[100], new long[] {3_000_000}, 1, "render");
            long[] recorded = truth.clone();
            if (run.repeat() == 1) {
                recorded = java.util.Arrays.copyOf(truth, 99); // the last frame was not recorded
            }
            outcomes.add(new RunOutcome(run, dir, RunOutcome.Status.OK, "100 frames", Optional.of(GroundTruth.read(dir.resolve("ground-truth"))),
                    Optional.empty(), Optional.of(FrameCrossCheck.compare(1234, truth, new long[truth.length], recorded)), Optional.empty()));
        }
        ExperimentAnalysis analysis = ExperimentAnalysis.of(plan, outcomes, new Bootstrap(100, 0.95, 3));
        Path html = ExperimentReport.write(out, new ExperimentReport.Inputs(plan, outcomes, analysis, new SystemInfo(Map.of("host", "h")),
                List.of("frameloop", "experiment"), Instant.EPOCH, Instant.EPOCH, "frameloop record"));

        String markdown = Files.readString(out.resolve(ExperimentReport.MARKDOWN));
        String first = plan.runs().get(0).folderName();
        String second = plan.runs().get(1).folderName();
        assertTrue(markdown.contains("CROSS-CHECK FAILED in 1 run(s): " + second
                + ": FAILS: pid 1234: 99 frames recorded, 100 presented (the counts differ)"), markdown);
        assertTrue(markdown.contains("holds: pid 1234: 100 frames recorded, 100 presented, max interval deviation 0.0 µs"), markdown);
        assertFalse(markdown.contains(first + ": FAILS"), markdown);
        assertTrue(Files.readString(html).contains("CROSS-CHECK FAILED"));
        assertTrue(Files.readString(out.resolve(ExperimentReport.JSON)).contains("\"holds\" : false"));
        assertEquals(List.of(second + ": FAILS: pid 1234: 99 frames recorded, 100 presented (the counts differ)"),
                ExperimentReport.crossCheckFailures(outcomes));
    }

    private static long[] presents(int n, double stepMs) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            // a steady step with a slower frame every 50th
            p[i] = (long) (1e9 + i * stepMs * 1e6 + (i / 50) * 30e6);
        }
        return p;
    }

    private static List<String> tagsOutsideTheRenderersOwn(String page) {
        Pattern own = Pattern.compile("</?(html|head|meta|title|style|body|h[1-6]|p|table|tr|th|td|pre|figure|img|figcaption|ul|li|a)[ >/]"
                + "|<!DOCTYPE html>");
        List<String> strays = new ArrayList<>();
        Matcher m = Pattern.compile("<").matcher(page);
        while (m.find()) {
            String rest = page.substring(m.start(), Math.min(page.length(), m.start() + 16));
            if (!own.matcher(rest).lookingAt()) {
                strays.add(rest);
            }
        }
        return strays;
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
