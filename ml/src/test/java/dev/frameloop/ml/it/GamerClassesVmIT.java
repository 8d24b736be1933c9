package dev.frameloop.ml.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One guest run of gamer with two threads that wake periodically: one started as {@code kwin_wayland} (a
 * compositor's name), one given a 3-second boost_policy entry as render. The tests read gamer's report.
 */
@Tag("vm")
class GamerClassesVmIT {
    private static GuestRun.Result run;
    private static SchedReport report;

    private static String script(String frameLoop) {
        return String.join("\n",
                "S=/sys/kernel/sched_ext",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "mkdir -p /tmp/c; ln -s \"$PWD/" + frameLoop + "\" /tmp/c/kwin_wayland",
                "/tmp/c/kwin_wayland --fps 10 --seconds 3600 --work-us 100 > /dev/null &",
                "K=$!",
                frameLoop + " --fps 20 --seconds 3600 --work-us 100 > /dev/null &",
                "T=$!",
                "echo \"COMPOSITOR_TID $K\"; echo \"POLICY_TID $T\"",
                "$FL sched --duration 15s --policy $T=render,for=3s --report-every 0s > /tmp/sched.out 2>&1",
                "echo \"SCHED_EXIT $?\"",
                "kill $K $T",
                "echo '--- sched output'; cat /tmp/sched.out");
    }

    @BeforeAll
    static void runGamer() throws Exception {
        String frameLoop = Workloads.relative(Workloads.frameLoop());
        run = GuestRun.vm("sh", "-c", script(frameLoop))
                .options("--timeout", "20m")
                .hostTimeout(Duration.ofMinutes(25))
                .run();
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stdout().contains("SCHED_EXIT 0"), run.describe());
        report = SchedReport.parse(run.stdout());
    }

    @Test
    void shouldApplyAPolicyEntryOnceAndIgnoreItAfterItExpires() {
        String out = run.stdout();
        String tid = group(out, "POLICY_TID (\\d+)");

        assertTrue(out.contains("policy: wrote tid " + tid + " as render for 3s (default boost, default slice)"), run.describe());
        assertTrue(Pattern.compile("(?m)^policy tid " + tid + ": applied \\d+\\.\\d{3} ms after the write; expired and ignored; deleted$")
                .matcher(out).find(), run.describe());
        assertEquals(1, report.policyApplied(), run.describe());
        assertEquals(1, report.policyExpired(), run.describe());
        assertEquals(1L, report.written().get("policy_applied"), run.describe());
        assertEquals(0L, report.dropped().get("policy_applied"), run.describe());
        assertTrue(Pattern.compile("(?m)^policy applied: tid " + tid + " as render, \\d+\\.\\d{3} ms after the write$")
                .matcher(out).find(), run.describe());
        assertTrue(out.contains("class: tid " + tid + " (frame_loop) background -> render by policy (confidence 1000/1000)"),
                "the policy made it render\n" + run.describe());
        assertTrue(out.contains("class: tid " + tid + " (frame_loop) render -> background by inactivity (confidence 500/1000)"),
                "expiry made it background again\n" + run.describe());
        assertTrue(out.indexOf("-> render by policy") < out.indexOf("render -> background"), run.describe());
    }

    @Test
    void shouldClassifyAThreadNamedLikeACompositorOnceAndEmitOneClassEventPerChange() {
        assertEquals(Map.of("input", 0L, "render", 1L, "audio", 0L, "compositor", 1L, "game", 0L, "background", 1L),
                report.classChanges(), run.describe());
        String tid = group(run.stdout(), "COMPOSITOR_TID (\\d+)");
        assertTrue(run.stdout().contains("class: tid " + tid + " (kwin_wayland) unknown -> compositor by comm_pattern"
                + " (confidence 800/1000)"), "classified when gamer took it over\n" + run.describe());
        assertEquals(3L, report.written().get("thread_class"), "one event per class change\n" + run.describe());
        assertEquals(0L, report.dropped().get("thread_class"), run.describe());
    }

    @Test
    void shouldReadEveryRecordTheSchedulerWroteFromItsRings() {
        assertEquals(report.written(), report.read(), run.describe());
        assertTrue(report.written().get("migration") > 0, "the migration ring set has its shards\n" + run.describe());
        assertTrue(report.written().get("task_stats") > 0, run.describe());
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in\n" + text);
        return m.group(1);
    }
}
