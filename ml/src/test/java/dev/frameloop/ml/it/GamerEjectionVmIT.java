package dev.frameloop.ml.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forced ejection: {@code sched --test-stall-tid} makes gamer leave one runnable spinner out, the kernel's
 * watchdog ejects gamer, and the user is told why, in the kernel's words.
 */
@Tag("vm")
class GamerEjectionVmIT {
    private static final String SCRIPT = String.join("\n",
            "S=/sys/kernel/sched_ext",
            "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
            "sh -c 'while :; do :; done' &",
            "T=$!",
            "echo \"STALL_TID $T\"",
            "$FL sched --test-stall-tid $T --report-every 0s > /tmp/sched.out 2>&1",
            "rc=$?",
            "kill $T",
            "echo \"SCHED_EXIT $rc\"",
            "read s < $S/state; echo \"AFTER $s\"",
            "echo '--- sched output'; cat /tmp/sched.out");

    @Test
    void shouldTellTheUserWhyTheWatchdogEjectedGamer() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c", SCRIPT)
                .options("--timeout", "20m")
                .hostTimeout(Duration.ofMinutes(25))
                .run();
        String out = r.stdout();

        assertEquals(0, r.exitCode(), r.describe());
        Matcher tid = Pattern.compile("STALL_TID (\\d+)").matcher(out);
        assertTrue(tid.find(), r.describe());
        String stalled = tid.group(1);
        assertTrue(out.contains("SCHED_EXIT 1"), r.describe());
        assertTrue(out.contains("gamer enabled"), r.describe());
        assertTrue(out.contains("frameloop sched: ejected by the kernel: ERROR_STALL: runnable task stall (sh[" + stalled
                + "] failed to run for "), r.describe());
        assertTrue(Pattern.compile("test stall: tid " + stalled + " left out of [1-9]\\d* enqueues").matcher(out).find(), r.describe());
        assertFalse(out.contains("stopped by"), r.describe());
        assertTrue(out.contains("AFTER disabled"), r.describe());
    }
}
