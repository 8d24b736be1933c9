package dev.frameloop.ml.it;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionManifest;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.SessionState;
import dev.frameloop.core.dataset.events.EventTables;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forced ejection while recording: {@code record --test-stall-tid} makes gamer leave one runnable spinner
 * out, the kernel's watchdog ejects gamer, the user is told why in the kernel's words, and the recording goes
 * on in observe mode: processes started after the ejection are in the session, the migration probe took over
 * the migration stream, and SIGTERM still ends with every file complete.
 */
@Tag("vm")
class GamerEjectionVmIT {
    private static final int EXECS_AFTER = 12;

    private static String script(Path data) {
        return String.join("\n",
                "S=/sys/kernel/sched_ext",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "sh -c 'while :; do :; done' &",
                "T=$!",
                "echo \"STALL_TID $T\"",
                "$FL record --mode scheduler --out " + data + " --test-stall-tid $T --progress-every 5s"
                        + " > /tmp/rec.out 2>&1 &",
                "P=$!",
                "while ! grep -q 'recording goes on in observe mode' /tmp/rec.out && kill -0 $P 2>/dev/null; do sleep 0.5; done",
                "kill $T",
                "read s < $S/state; echo \"AFTER $s\"",
                "sh -c 'echo \"SHELL $$\"; i=0; while [ $i -lt " + EXECS_AFTER + " ]; do /bin/true; i=$((i+1)); done; :'",
                "sleep 2",
                "kill -TERM $P; wait $P; echo \"RECORD_EXIT $?\"",
                "echo '--- record output'; cat /tmp/rec.out");
    }

    @Test
    void shouldTellTheUserWhyTheWatchdogEjectedGamerAndRecordOnInObserveMode() throws Exception {
        Path data = Files.createDirectories(GuestRun.projectRoot().resolve("ml/target/it-ejection"))
                .resolve("data-" + System.nanoTime());

        GuestRun.Result r = GuestRun.vm("sh", "-c", script(data))
                .options("--timeout", "20m")
                .hostTimeout(Duration.ofMinutes(25))
                .run();
        String out = r.stdout();

        assertEquals(0, r.exitCode(), r.describe());
        Matcher tid = Pattern.compile("STALL_TID (\\d+)").matcher(out);
        assertTrue(tid.find(), r.describe());
        String stalled = tid.group(1);
        assertTrue(out.contains("RECORD_EXIT 1"), "ejection is a failure the exit code shows\n" + r.describe());
        assertTrue(out.contains("record: the kernel ejected gamer: ERROR_STALL: runnable task stall (sh[" + stalled
                + "] failed to run for "), r.describe());
        assertTrue(out.contains("recording goes on in observe mode"), r.describe());
        assertTrue(out.contains("AFTER disabled"), r.describe());
        Matcher shellLine = Pattern.compile("SHELL (\\d+)").matcher(out);
        assertTrue(shellLine.find(), r.describe());
        long shell = Long.parseLong(shellLine.group(1));

        Dataset dataset = Dataset.open(data.toString(), EventTables.catalog());
        List<SessionId> sessions = dataset.sessions();
        assertEquals(1, sessions.size(), r.describe());
        SessionReader session = dataset.session(sessions.get(0));
        SessionManifest manifest = session.manifest();
        assertEquals(SessionState.FINISHED, manifest.state(), r.describe());
        assertTrue(manifest.exitReason().startsWith("stopped by SIGTERM; before that, the kernel ejected gamer: ERROR_STALL"),
                manifest.exitReason());
        assertTrue(manifest.eventSources().get("migration").contains("tp_btf:sched_migrate_task"),
                manifest.eventSources().toString());
        long execsAfter = 0;
        for (GenericRecord row : session.readAll("process")) {
            if (((Number) row.get("ppid")).longValue() == shell && "EXEC".equals(String.valueOf(row.get("action")))) {
                execsAfter++;
            }
        }
        assertEquals(EXECS_AFTER, execsAfter, "exec events recorded after the ejection\n" + r.describe());
        assertTrue(manifest.events().get("process").written() > 0, manifest.events().toString());
    }
}
