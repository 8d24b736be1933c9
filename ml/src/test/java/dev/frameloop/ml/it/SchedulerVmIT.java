package dev.frameloop.ml.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code frameloop sched --duration 5s} in the guest on the pinned sched_ext kernel, with both CPUs kept
 * busy by short-lived processes: gamer is the scheduler in charge during the run, the kernel keeps it,
 * and it is gone afterwards.
 */
@Tag("vm")
class SchedulerVmIT {
    /**
     * Starts sched, and once it says gamer is enabled: four loops forking {@code sh -c :} and a sampler that
     * prints every change of sched_ext's state/ops using shell builtins only (so it samples at once, even
     * on a saturated guest). Prints markers the test reads.
     */
    private static final String GUEST_SCRIPT = String.join("\n",
            "S=/sys/kernel/sched_ext",
            "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
            "out=/tmp/sched.out; rm -f /tmp/stop",
            "$FL sched --duration 5s > $out 2>&1 &",
            "P=$!",
            "while ! grep -q 'gamer enabled' $out && kill -0 $P 2>/dev/null; do sleep 0.2; done",
            "( n=0; prev=; while [ ! -e /tmp/stop ]; do read s < $S/state; o=; [ -r $S/root/ops ] && read o < $S/root/ops;"
                    + " n=$((n+1)); cur=\"$s $o\"; if [ \"$cur\" != \"$prev\" ]; then echo \"SAMPLE $cur\"; prev=$cur; fi; done;"
                    + " echo \"SAMPLES $n\" ) &",
            "for i in 1 2 3 4; do ( while [ ! -e /tmp/stop ]; do sh -c : ; done ) & done",
            "wait $P; rc=$?",
            "touch /tmp/stop; wait",
            "echo \"SCHED_EXIT $rc\"",
            "read s < $S/state; echo \"AFTER $s\"",
            "echo '--- sched output'; cat $out");

    /** Starts sched without a duration and, once gamer is enabled, has the kernel disable it (SysRq-S). */
    private static final String EJECT_SCRIPT = String.join("\n",
            "S=/sys/kernel/sched_ext",
            "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
            "out=/tmp/sched.out",
            "$FL sched > $out 2>&1 &",
            "P=$!",
            "while ! grep -q 'gamer enabled' $out && kill -0 $P 2>/dev/null; do sleep 0.2; done",
            "echo S > /proc/sysrq-trigger",
            "wait $P; rc=$?",
            "echo \"SCHED_EXIT $rc\"",
            "read s < $S/state; echo \"AFTER $s\"",
            "echo '--- sched output'; cat $out");

    private static final Pattern SCHEDULED = Pattern.compile(
            "it scheduled (\\d+) tasks directly onto idle CPUs, (\\d+) through the shared queue \\((\\d+) dispatched");

    @Test
    void shouldKeepGamerInChargeUnderAForkStormAndStopItAfterTheDuration() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c", GUEST_SCRIPT)
                .options("--timeout", "15m")
                .hostTimeout(Duration.ofMinutes(20))
                .run();
        String out = r.stdout();

        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(out.contains("SCHED_EXIT 0"), r.describe());
        List<String> samples = out.lines().filter(l -> l.startsWith("SAMPLE ")).map(l -> l.substring(7).trim()).toList();
        assertFalse(samples.isEmpty(), r.describe());
        assertEquals("enabled gamer", samples.get(0), "sched_ext while the load ran\n" + r.describe());
        assertEquals("disabled", samples.get(samples.size() - 1), r.describe());
        assertTrue(samples.stream().noneMatch(s -> s.startsWith("enabled ") && !s.equals("enabled gamer")), r.describe());
        assertTrue(out.contains("AFTER disabled"), r.describe());

        assertTrue(out.contains("gamer enabled (sched_ext state: enabled, ops: gamer)"), r.describe());
        assertTrue(out.contains("stopped by duration (5s)"), r.describe());
        assertFalse(out.contains("ejected"), r.describe());
        assertTrue(out.contains("gamer detached (sched_ext state: disabled)"), r.describe());
        Matcher m = SCHEDULED.matcher(out);
        assertTrue(m.find(), r.describe());
        long direct = Long.parseLong(m.group(1));
        long shared = Long.parseLong(m.group(2));
        long dispatched = Long.parseLong(m.group(3));
        assertTrue(shared > 0, "a saturated machine must queue tasks on the shared DSQ\n" + r.describe());
        assertTrue(dispatched > 0, r.describe());
        assertTrue(direct + shared > 0, r.describe());
    }

    @Test
    void shouldSayWhyWhenTheKernelDisablesTheScheduler() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c", EJECT_SCRIPT)
                .options("--timeout", "15m")
                .hostTimeout(Duration.ofMinutes(20))
                .run();
        String out = r.stdout();

        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(out.contains("SCHED_EXIT 1"), r.describe());
        assertTrue(out.contains("frameloop sched: ejected by the kernel: SYSRQ: disabled by sysrq-S"), r.describe());
        assertTrue(out.contains("AFTER disabled"), r.describe());
        assertFalse(out.contains("stopped by"), r.describe());
    }
}
