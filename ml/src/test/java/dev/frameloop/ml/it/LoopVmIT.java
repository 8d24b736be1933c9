package dev.frameloop.ml.it;

import dev.frameloop.ml.cli.FrameloopMain;
import dev.frameloop.ml.fixture.RoleTrainingSessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed loop in the guest on the sched_ext kernel. A thread-role model (CART) is trained on the host from
 * task-stats sessions in which every thread is {@code background} to the heuristics ({@link RoleTrainingSessions});
 * in the guest a frame loop started under a name no rule knows ({@code mystery}: no DRM ioctls, no game pid) runs
 * at 100 FPS, and {@code frameloop loop --pin} runs live beside gamer. The model names the thread render, the loop
 * writes its boost_policy entry, gamer applies it (its policy-applied event, with that tid and role); then the
 * loop is SIGKILLed: gamer stays registered (pinned) and, once the entry's TTL has passed, finds it expired and
 * ignores it — {@code frameloop unpin} lists the entry as applied and expired, then unregisters gamer. Then a
 * second loop runs with gamer told to leave a runnable spinner out ({@code --test-stall-tid}): the kernel's
 * watchdog ejects gamer, and the loop logs and counts the ejection and stops with it.
 */
@Tag("vm")
class LoopVmIT {
    private static GuestRun.Result run;

    private static String script(Path model, String frameLoop) {
        return String.join("\n",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "S=/sys/kernel/sched_ext",
                "mkdir -p /tmp/c; ln -s \"$PWD/" + frameLoop + "\" /tmp/c/mystery",
                "/tmp/c/mystery --fps 100 --seconds 3600 --work-us 2000 > /dev/null &",
                "M=$!",
                "echo \"MYSTERY_TID $M\"",
                "$FL loop --model " + model + " --pin --ttl 30s > /tmp/loop.out 2>&1 &",
                "L=$!",
                "echo \"T_LOOP_STARTED $(cut -d' ' -f1 /proc/uptime)\"",
                "end=$(( $(date +%s) + 480 ))",
                "while ! grep -q \" applied tid=$M role=render \" /tmp/loop.out && kill -0 $L 2>/dev/null"
                        + " && [ $(date +%s) -lt $end ]; do sleep 1; done",
                "echo \"T_APPLIED $(cut -d' ' -f1 /proc/uptime)\"",
                "kill -KILL $L; wait $L; echo \"LOOP_KILLED $?\"",
                // past the entry's TTL (30 s: longer than this script may take to see the applied line under TCG, so
                // the entry is still live when the loop dies); gamer keeps scheduling the thread meanwhile
                "sleep 36",
                "echo \"STATE_AFTER_KILL $(cat $S/state) $(cat $S/root/ops 2>/dev/null)\"",
                "$FL unpin > /tmp/unpin.out 2>&1; echo \"UNPIN_EXIT $?\"",
                "i=0; while [ \"$(cat $S/state)\" != disabled ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done",
                "echo \"STATE_AFTER_UNPIN $(cat $S/state)\"",
                // a second loop whose gamer leaves a runnable spinner out (test-only option): the kernel's watchdog
                // ejects gamer; the loop must say so, count it, and stop with gamer, the machine scheduling on
                "sh -c 'while :; do :; done' &",
                "T=$!",
                "$FL loop --model " + model + " --test-stall-tid $T --duration 5m > /tmp/eject.out 2>&1;"
                        + " echo \"EJECT_LOOP_EXIT $?\"",
                "kill $T",
                "echo \"STATE_AFTER_EJECT $(cat $S/state)\"",
                "kill $M",
                "echo '--- loop'; cat /tmp/loop.out; echo '--- unpin'; cat /tmp/unpin.out",
                "echo '--- ejected loop'; sed 's/^/EJECT| /' /tmp/eject.out; echo '--- end'");
    }

    @BeforeAll
    static void trainAndRunTheLoop() throws Exception {
        Path dir = GuestRun.projectRoot().resolve("ml/target/it-loop").resolve("run-" + System.nanoTime());
        Path data = Files.createDirectories(dir.resolve("data"));
        new RoleTrainingSessions(7, 30).write(data, 2);
        Path model = dir.resolve("model");
        StringWriter trainOut = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(trainOut));
        cli.setErr(new PrintWriter(trainOut));
        int trained = cli.execute("train", "--data", data.toString(), "--task", "thread-role", "--trainer", "cart",
                "--folds", "2", "--out", model.toString());
        assertEquals(0, trained, trainOut.toString());

        String frameLoop = Workloads.relative(Workloads.frameLoop());
        run = GuestRun.vm("sh", "-c", script(model, frameLoop))
                .options("--timeout", "22m")
                .hostTimeout(Duration.ofMinutes(26))
                .run();
        assertEquals(0, run.exitCode(), run.describe());
    }

    @Test
    void shouldGiveAThreadTheHeuristicsCannotSeeItsRoleFromTheModelAndHaveTheSchedulerApplyIt() {
        String out = run.stdout();
        String tid = group(out, "MYSTERY_TID (\\d+)");
        assertTrue(Pattern.compile("(?m)^\\d+ write tid=" + tid + " role=render heuristic=(background|unknown) ")
                .matcher(out).find(), "the loop wrote the thread's entry from the model\n" + run.describe());
        assertTrue(Pattern.compile("(?m)^\\d+ applied tid=" + tid + " role=render after_write_ns=\\d+$")
                .matcher(out).find(), "gamer applied it (its policy-applied event, seen by the loop)\n" + run.describe());
    }

    @Test
    void shouldLeaveNoLivePolicyAfterTheTtlOnceTheLoopIsKilled() {
        String out = run.stdout();
        String tid = group(out, "MYSTERY_TID (\\d+)");
        assertTrue(out.contains("LOOP_KILLED 137"), run.describe());
        assertTrue(out.contains("STATE_AFTER_KILL enabled gamer"), "gamer outlived the loop (pinned)\n" + run.describe());
        assertTrue(Pattern.compile("(?m)^  tid " + tid + ": render, applied \\d+\\.\\d{3} ms after the write;"
                + " expired and ignored$").matcher(out).find(), "the entry expired on its own\n" + run.describe());
        assertTrue(out.contains("UNPIN_EXIT 0"), run.describe());
        assertTrue(out.contains("STATE_AFTER_UNPIN disabled"), run.describe());
    }

    @Test
    void shouldSayTheKernelEjectedTheSchedulerCountItAndStopWithItLeavingTheMachineScheduling() {
        String out = run.stdout();
        assertTrue(out.contains("EJECT_LOOP_EXIT 1"), "an ejection is a failure the exit code shows\n" + run.describe());
        assertTrue(Pattern.compile("(?m)^EJECT\\| loop: ejected by the kernel: .*ERROR_STALL.*; the loop stops with it")
                .matcher(out).find(), "the loop logged the ejection in the kernel's words\n" + run.describe());
        assertTrue(out.contains("EJECT|   scheduler ejections: 1"), "and counted it\n" + run.describe());
        assertTrue(Pattern.compile("(?m)^EJECT\\|   policy: \\d+ writes, \\d+ deletes, 0 failed writes")
                .matcher(out).find(), "its counters were reported\n" + run.describe());
        assertTrue(out.contains("STATE_AFTER_EJECT disabled"), "the kernel schedules on its own\n" + run.describe());
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in\n" + text);
        return m.group(1);
    }
}
