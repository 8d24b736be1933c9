package dev.frameloop.ml.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gamer under what a game meets on a busy desktop, in the guest: both CPUs saturated by spinners, a fork
 * storm, two niced periodic workers (nice 10: 3 ms every 10 ms; nice 19: 120 ms bursts once a second, the shape
 * of khugepaged's scans, past the cap on the run time a deadline counts, with its run time weighing 100x in
 * vtime) and a 60 FPS frame loop (the "game", classed by its name) for 60 s.
 * Nothing may starve: neither the watchdog nor the kernel's RCU stall detector (a task preempted inside an
 * RCU read-side section that waits ~21 s) may eject gamer, every worker runs to its end, and the frame
 * loop's deadline misses must be counted consistently.
 */
@Tag("vm")
class GamerStressVmIT {
    private static final int FPS = 60;
    private static final int SECONDS = 60;

    /** nice level -> {periods per second, work per period in us} */
    private static final Map<Integer, int[]> NICED = Map.of(10, new int[] {100, 3000}, 19, new int[] {1, 120_000});
    private static final Pattern FRAME_LOOP = Pattern.compile(
            "(?m)^frame_loop: pid (\\d+) tid (\\d+) fps \\d+ frames (\\d+) late_1ms (\\d+) late_4ms (\\d+) late_16ms (\\d+)"
                    + " max_late_us (\\d+) skipped (\\d+)");

    private static String script(String frameLoop) {
        return String.join("\n",
                "S=/sys/kernel/sched_ext",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "out=/tmp/sched.out; rm -f /tmp/stop",
                "$FL sched --game-comm frame_loop --report-every 20s > $out 2>&1 &",
                "P=$!",
                "while ! grep -q 'gamer enabled' $out && kill -0 $P 2>/dev/null; do sleep 0.2; done",
                "for i in 1 2 3 4; do ( while [ ! -e /tmp/stop ]; do :; done ) & done",
                "for i in 1 2; do ( while [ ! -e /tmp/stop ]; do sh -c : ; done ) & done",
                niced(frameLoop, 10),
                niced(frameLoop, 19),
                frameLoop + " --fps " + FPS + " --seconds " + SECONDS + " --work-us 2000 > /tmp/fl.out",
                "wait $W10 $W19",
                "read s < $S/state; o=; [ -r $S/root/ops ] && read o < $S/root/ops; echo \"DURING $s $o\"",
                "touch /tmp/stop",
                "kill -TERM $P; wait $P; rc=$?",
                "wait",
                "echo \"SCHED_EXIT $rc\"",
                "read s < $S/state; echo \"AFTER $s\"",
                "cat /tmp/fl.out",
                "for n in 10 19; do sed \"s/^/NICE$n /\" /tmp/niced$n.out; done",
                "echo '--- sched output'; cat $out");
    }

    /** A periodic worker at nice N, named nicedN (not the game), writing /tmp/nicedN.out; its pid in $WN. */
    private static String niced(String frameLoop, int nice) {
        String name = "/tmp/niced" + nice;
        return "ln -sf \"$PWD/" + frameLoop + "\" " + name + "; nice -n " + nice + " " + name + " --fps " + NICED.get(nice)[0]
                + " --seconds " + SECONDS + " --work-us " + NICED.get(nice)[1] + " > " + name + ".out & W" + nice + "=$!";
    }

    @Test
    void shouldKeepGamerThroughSaturationAndAForkStormAndCountTheFrameLoopsDeadlineMisses() throws Exception {
        String frameLoop = Workloads.relative(Workloads.frameLoop());

        GuestRun.Result r = GuestRun.vm("sh", "-c", script(frameLoop))
                .options("--timeout", "25m")
                .hostTimeout(Duration.ofMinutes(30))
                .run();
        String out = r.stdout();

        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(out.contains("DURING enabled gamer"), "gamer must still be in charge when the frame loop ends\n" + r.describe());
        assertTrue(out.contains("SCHED_EXIT 0"), r.describe());
        assertTrue(out.contains("stopped by user (SIGTERM)"), r.describe());
        assertFalse(out.contains("ejected"), r.describe());
        assertTrue(out.contains("AFTER disabled"), r.describe());

        Matcher loop = FRAME_LOOP.matcher(out);
        assertTrue(loop.find(), r.describe());
        long frames = Long.parseLong(loop.group(3));
        long skipped = Long.parseLong(loop.group(8));
        assertEquals((long) FPS * SECONDS, frames + skipped, "every frame time is either run or skipped\n" + r.describe());

        for (int nice : new int[] {10, 19}) {
            Matcher niced = Pattern.compile("(?m)^NICE" + nice + " frame_loop: pid \\d+ tid \\d+ fps \\d+ frames (\\d+)"
                    + " late_1ms \\d+ late_4ms \\d+ late_16ms \\d+ max_late_us (\\d+) skipped (\\d+)").matcher(out);
            assertTrue(niced.find(), "the nice " + nice + " worker ran to its end\n" + r.describe());
            assertEquals((long) NICED.get(nice)[0] * SECONDS, Long.parseLong(niced.group(1)) + Long.parseLong(niced.group(3)),
                    "every period of the nice " + nice + " worker is either run or skipped\n" + r.describe());
            System.out.printf("stress: nice %d worker ran %s of %d periods, longest wait %s us%n",
                    nice, niced.group(1), NICED.get(nice)[0] * SECONDS, niced.group(2));
        }

        SchedReport report = SchedReport.parse(out);
        assertTrue(report.classChanges().get("game") >= 1, "the frame loop is classed as game by its name\n" + r.describe());
        long gameMisses = report.deadlineMisses().get("game");
        assertTrue(gameMisses <= frames, "the one game thread wakes once per frame it runs and is never preempted"
                + " (nothing has a higher boost): at most one miss per frame\n" + r.describe());
        assertEquals(report.totalDeadlineMisses(),
                report.written().get("deadline_miss") + report.dropped().get("deadline_miss"),
                "every miss counted is written or counted as dropped\n" + r.describe());
        assertEquals(0, report.deadlineMisses().get("background"), "background misses are not reported by default\n" + r.describe());
        assertEquals(gameMisses, SchedReport.deadlineMissesOf(out, loop.group(2)),
                "the game misses are the frame loop's, by its tid\n" + r.describe());
        assertEquals(report.written(), report.read(), "sched read every record gamer wrote\n" + r.describe());
        System.out.printf("stress: frame loop ran %d frames (skipped %d, late >1ms %s, >4ms %s, >16ms %s, max %s us);"
                        + " gamer counted %d game deadline misses; all misses by class %s%n",
                frames, skipped, loop.group(4), loop.group(5), loop.group(6), loop.group(7), gameMisses, report.deadlineMisses());
    }
}
