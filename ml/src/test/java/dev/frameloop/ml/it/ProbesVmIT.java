package dev.frameloop.ml.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One guest boot, two {@code frameloop probe} runs on the pinned kernel (fentry and LSM available):
 * The input rings are 2 x 4 MiB (one shard per guest CPU) rather than the default 16 x 64 KiB: under TCG the
 * guest's two CPUs take turns on one host thread, and the reader's CPU may not run for longer than a 64 KiB
 * shard lasts at 8 kHz (1,170 records); a burst beyond a ring is what the drop counters are for, and the
 * test asserts they stay 0 here. The shell waits 5 s before injecting, for the JVM to warm up.
 * <ol>
 *   <li>observe mode: a uinput mouse moving 2,000 times at 1 kHz and then 16,000 times at 8 kHz (two devices),
 *       K vgem submits, and a program named like a game (--game-comm flgame*) exec'd and exiting;</li>
 *   <li>scheduler mode (gamer registered): K vgem submits again, whose thread gamer classifies as render.</li>
 * </ol>
 */
@Tag("vm")
class ProbesVmIT {
    private static final int MOVES_1KHZ = 2_000;
    private static final int MOVES_8KHZ = 16_000;
    private static final int SUBMITS = 50;

    private static GuestRun.Result run;
    private static String observe;
    private static String scheduler;

    private static String script(String mouse, String vgem) {
        return String.join("\n",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "mkdir -p /tmp/g; ln -s /bin/true /tmp/g/flgame-vm",
                "$FL probe --ring-input 2x4MiB --game-comm 'flgame*' -- sh -c 'sleep 5; " + mouse + " 1000 " + MOVES_1KHZ + " 300 && " + mouse + " 8000 "
                        + MOVES_8KHZ + " 300 && " + vgem + " " + SUBMITS + " 500 && /tmp/g/flgame-vm' > /tmp/observe.out 2>&1",
                "echo \"OBSERVE_EXIT $?\"",
                "$FL probe --scheduler -- " + vgem + " " + SUBMITS + " 2000 > /tmp/sched.out 2>&1",
                "echo \"SCHED_EXIT $?\"",
                "echo '--- observe'; cat /tmp/observe.out; echo '--- scheduler'; cat /tmp/sched.out; echo '--- end'");
    }

    @BeforeAll
    static void runProbes() throws Exception {
        String mouse = Workloads.relative(Workloads.uinputMouse());
        String vgem = Workloads.relative(Workloads.vgemSubmit());
        run = GuestRun.vm("sh", "-c", script(mouse, vgem))
                .options("--timeout", "20m")
                .hostTimeout(Duration.ofMinutes(25))
                .run();
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        assertTrue(out.contains("OBSERVE_EXIT 0"), run.describe());
        assertTrue(out.contains("SCHED_EXIT 0"), run.describe());
        observe = out.substring(out.indexOf("--- observe"), out.indexOf("--- scheduler"));
        scheduler = out.substring(out.indexOf("--- scheduler"), out.indexOf("--- end"));
    }

    @Test
    void shouldRecordEveryInjectedInputEventAtOneAndEightKilohertzWithTheMouseKind() {
        assertTrue(observe.contains("source input: fentry:input_event"), observe);
        Matcher devices = Pattern.compile("(?m)^input device \\d+ mouse bus 0x6 vendor 0xf1a0 product 0x1: (\\d+)$").matcher(observe);
        assertTrue(devices.find(), "the 1 kHz mouse\n" + observe);
        assertEquals(2L * MOVES_1KHZ, Long.parseLong(devices.group(1)), observe);
        assertTrue(devices.find(), "the 8 kHz mouse\n" + observe);
        assertEquals(2L * MOVES_8KHZ, Long.parseLong(devices.group(1)), observe);
        assertEquals(2L * (MOVES_1KHZ + MOVES_8KHZ), injected(observe), "what the injectors say they wrote\n" + observe);
        assertEquals("0", group(observe, "events \\(written/dropped/read\\):.*\\binput \\d+/(\\d+)/\\d+"), "input drops\n" + observe);
    }

    @Test
    void shouldReportEachVgemSubmitWithTheSubmittingThreadFromFentryOnDrmIoctl() {
        assertTrue(observe.contains("source gpu_submit: fentry:drm_ioctl"), observe);
        String tid = group(observe, "vgem_submit: pid \\d+ tid (\\d+) submits " + SUBMITS);
        assertEquals(String.valueOf(SUBMITS), group(observe, "(?m)^gpu_submit tid " + tid + " pid \\d+ vgem fentry_drm_ioctl: (\\d+)$"),
                observe);
    }

    @Test
    void shouldReportAGameExecAndExitFromTheLsmHooks() {
        assertTrue(observe.contains("source process: lsm:bprm_committed_creds, lsm:task_free"), observe);
        String pid = group(observe, "(?m)^process exec pid (\\d+) tid \\d+ ppid \\d+ game 1 exit_code 0 comm \"flgame-vm\" filename \"/tmp/g/flgame-vm\"$");
        assertTrue(Pattern.compile("(?m)^process exit pid " + pid + " tid " + pid + " ppid \\d+ game 1 exit_code 0 comm \"flgame-vm\"")
                .matcher(observe).find(), observe);
    }

    @Test
    void shouldClassifyTheSubmittingThreadAsRenderUnderTheScheduler() {
        assertTrue(scheduler.contains("source gpu_submit: fentry:drm_ioctl"), scheduler);
        String tid = group(scheduler, "vgem_submit: pid \\d+ tid (\\d+) submits " + SUBMITS);
        assertEquals(String.valueOf(SUBMITS), group(scheduler, "(?m)^gpu_submit tid " + tid + " pid \\d+ vgem fentry_drm_ioctl: (\\d+)$"),
                scheduler);
        assertTrue(Pattern.compile("(?m)^class tid " + tid + " pid \\d+ comm \"vgem_submit\" \\w+ -> render \\(drm_submit\\)$")
                .matcher(scheduler).find(), scheduler);
    }

    private static long injected(String text) {
        Matcher m = Pattern.compile("uinput_mouse: pid \\d+ tid \\d+ moves \\d+ rate_hz \\d+ events (\\d+)").matcher(text);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in\n" + text);
        return m.group(1);
    }
}
