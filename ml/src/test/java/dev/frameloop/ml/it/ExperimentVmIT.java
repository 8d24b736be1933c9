package dev.frameloop.ml.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One guest run of a short experiment: synthgame (its render thread named {@code <script>}) under the default
 * and the gamer arm, 2 repeats of 3 s each, interleaved, beside one stress-ng CPU hog. The tests read the report
 * and the runs' ground truth.
 */
@Tag("vm")
class ExperimentVmIT {
    private static final List<String> METRICS = List.of("frame time p50 (ms)", "frame time p95 (ms)", "frame time p99 (ms)",
            "frame time p99.9 (ms)", "average FPS (FPS)", "1% low (FPS)", "0.1% low (FPS)", "stutters (% of frames)",
            "deadline misses (% of frames)", "input-to-present p50 (ms)", "input-to-present p99 (ms)");

    private static GuestRun.Result run;
    private static Path out;
    private static JsonNode results;

    @BeforeAll
    static void runExperiment() throws Exception {
        Path root = GuestRun.projectRoot();
        Workloads.synthgame(); // built by Maven: fails here, clearly, when it is not
        Path parent = Files.createDirectories(root.resolve("ml/target/it-experiment"));
        out = Files.createTempDirectory(parent, "exp-");
        String script = String.join("\n",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "$FL experiment --arms default,gamer --repeats 2 --duration 3s --bootstrap 300 --background cpu:1 --out " + out
                        + " --synthgame-args '--fps 30 --work-us 1000 --input-hz 1000 --render-name <script>'",
                "echo \"EXPERIMENT_EXIT $?\"",
                "echo \"STRESS_LEFT $(pgrep -c stress-ng)\"");
        run = GuestRun.vm("sh", "-c", script)
                .options("--timeout", "20m", "--share", parent.toString()) // the checkout then comes over the cached root mount
                .hostTimeout(Duration.ofMinutes(25))
                .run();
        assertEquals(0, run.exitCode(), run.describe());
        results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void shouldRunBothArmsTwiceInterleavedWithFramesInEveryRun() throws IOException {
        List<String> order = new ArrayList<>();
        long audioPeriods = 0;
        for (JsonNode r : results.path("runs")) {
            order.add(r.path("arm").asText());
            assertEquals("OK", r.path("status").asText(), r + "\n" + run.describe());
            assertTrue(r.path("frames").asLong() > 0, "ground-truth frames in " + r);
            assertTrue(r.path("input_latencies").asLong() > 0, "input moves reached a present in " + r);
            JsonNode summary = new ObjectMapper().readTree(out.resolve("runs").resolve(r.path("dir").asText())
                    .resolve("ground-truth/summary.json").toFile());
            assertEquals(r.path("frames").asLong(), summary.path("frames").asLong());
            assertEquals("<script>", summary.path("render_thread_name").asText());
            assertTrue(summary.path("drm_ioctls").asLong() > 0, "vgem ioctls: " + summary.path("drm").asText());
            assertTrue(summary.path("audio").asText().startsWith("hw:Loopback,0,0: S16_LE"), "ALSA opened: " + summary.path("audio").asText());
            audioPeriods += summary.path("audio_periods_written").asLong();
        }
        assertEquals(List.of("default", "gamer", "default", "gamer"), order);
        assertTrue(audioPeriods > 0, "ALSA periods written");
        assertEquals("cpu:1", results.path("background").asText());
        assertTrue(run.stdout().contains("STRESS_LEFT 0"), "every run stopped its background load\n" + run.describe());
        for (JsonNode arm : results.path("arms")) {
            assertEquals(2, arm.path("runs_with_data").asInt(), arm.toString());
            assertTrue(arm.path("frames").asLong() > 0, arm.toString());
        }
    }

    /**
     * Every frame synthgame presented was recorded once for its pid, and every frame interval is within 50 µs of the
     * game's own wherever the game's window around the probe (its clock read in the present to the one after the call
     * returned) is narrower than that: under TCG a timer interrupt lands on the present's return far more often than
     * on hardware, and a paused virtual CPU widens a window too; those frames are excused and counted, and the check
     * fails if they are more than half (FrameCrossCheckTest covers the rules, ExperimentReportTest the loud failure).
     */
    @Test
    void shouldRecordEveryFrameOfEveryRunAndMatchItsIntervalsWithTheGamesOwn() {
        for (JsonNode r : results.path("runs")) {
            JsonNode check = r.path("frame_cross_check");
            assertEquals(r.path("frames").asLong(), check.path("recorded_frames").asLong(), r + "\n" + run.describe());
            assertEquals(r.path("frames").asLong(), check.path("ground_truth_frames").asLong(), r.toString());
            assertEquals(0, check.path("intervals_over_tolerance").asInt(-1), "a probe timestamp outside the game's window: " + r);
            assertTrue(check.path("holds").asBoolean(false), "the cross-check holds: " + r + "\n" + run.describe());
            System.out.printf("experiment: %s: %d frames, max interval deviation %.1f us, %d intervals excused (window > 50 us)%n",
                    r.path("dir").asText(), r.path("frames").asLong(), check.path("max_interval_deviation_ns").asLong() / 1e3,
                    check.path("intervals_excused_wide_window").asInt());
        }
        assertTrue(run.stdout().contains("EXPERIMENT_EXIT 0"), run.describe());
    }

    @Test
    void shouldRunTheGamerArmUnderTheGamerScheduler() throws IOException {
        for (JsonNode r : results.path("runs")) {
            Path summary = out.resolve("runs").resolve(r.path("dir").asText()).resolve("sched-summary.txt");
            JsonNode runJson = new ObjectMapper().readTree(summary.resolveSibling("run.json").toFile());
            if (r.path("arm").asText().equals("gamer")) {
                assertTrue(Files.readString(summary).contains("gamer detached"), Files.readString(summary));
                assertTrue(runJson.path("sched_bpf_runs").asLong() > 0, "the scheduler's callbacks ran and were counted: " + runJson);
                assertTrue(runJson.path("sched_process_cpu_ns").asLong() > 0, runJson.toString());
            } else {
                assertFalse(Files.exists(summary), "the default arm runs without frameloop sched");
                assertFalse(runJson.has("sched_bpf_runs"), runJson.toString());
            }
        }
    }

    @Test
    void shouldReportEveryMetricForBothArmsWithoutAnUnescapedThreadName() throws IOException {
        String html = Files.readString(out.resolve("report.html"));
        for (String metric : METRICS) {
            int at = html.indexOf("<tr><td>" + metric + "</td>");
            assertTrue(at >= 0, "row " + metric);
            String row = html.substring(at, html.indexOf("</tr>", at));
            assertEquals(3, row.split("<td", -1).length - 1, row);
            assertFalse(row.contains("unavailable"), row);
        }
        assertTrue(html.contains("&lt;script&gt;="), "the render thread's name is shown, escaped");
        Matcher lt = Pattern.compile("<(?!/?(html|head|meta|title|style|body|h[1-6]|p|table|tr|th|td|pre|figure|img|figcaption|ul|li|a)[ >/]|!DOCTYPE)")
                .matcher(html);
        assertFalse(lt.find(), "a '<' that is not the report's own markup: "
                + (lt.find(0) ? html.substring(lt.start(), Math.min(html.length(), lt.start() + 40)) : ""));
        assertTrue(html.contains("gamer</td><td>frame time p50 (ms)</td>"), "a difference row for gamer");
        assertTrue(html.contains("<tr><td>scheduler BPF callbacks (% of one CPU, mean of runs)</td><td>n/a"), "overhead row");
        assertTrue(Files.readString(out.resolve("report.md")).contains("## Differences against default"));
        assertTrue(Files.size(out.resolve("plots/input-latency-cdf.png")) > 0);
    }
}
