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
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@code frameloop demo --quick} on the host, which runs steps 2-5 in a guest: sessions recorded with the
 * scheduler, a thread-role model trained on them, and the three-arm experiment whose gamer+model arm uses it.
 * It takes several minutes of TCG guest (two sessions and three experiment runs, each starting a recorder), more
 * than CI's budget for one test, so it has its own tag and runs when asked:
 * {@code mvn -B -o verify -pl ml -Dfailsafe.groups=vm-demo -Dit.test=DemoVmIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("vm-demo")
class DemoVmIT {
    private static GuestRun.Result run;
    private static Path out;

    @BeforeAll
    static void runDemo() throws Exception {
        Path root = GuestRun.projectRoot();
        Workloads.synthgame();
        Path parent = Files.createDirectories(root.resolve("ml/target/it-demo"));
        out = Files.createTempDirectory(parent, "demo-").resolve("out");
        run = GuestRun.frameloop("demo", "--quick", "--out", out.toString())
                .hostTimeout(Duration.ofMinutes(30))
                .run();
        assertEquals(0, run.exitCode(), run.describe());
    }

    @Test
    void shouldShowEveryStepInOrderAndEndWithTheReport() {
        String text = run.stdout();
        int at = -1;
        for (int i = 1; i <= 6; i++) {
            int next = text.indexOf("step " + i + "/6: done", at + 1);
            assertTrue(next > at, "step " + i + " ends after step " + (i - 1) + "\n" + run.describe());
            at = next;
        }
        assertTrue(text.contains("report: " + out.resolve("experiment/report.html")), run.describe());
    }

    @Test
    void shouldTrainTheThreadRoleModelOnTheRecordedSchedulerSessions() throws IOException {
        List<Path> sessions;
        try (Stream<Path> s = Files.list(out.resolve("sessions"))) {
            sessions = s.filter(p -> p.getFileName().toString().startsWith("session=")).toList();
        }
        assertEquals(2, sessions.size(), sessions.toString());
        for (Path session : sessions) {
            JsonNode manifest = new ObjectMapper().readTree(session.resolve("manifest.json").toFile());
            assertEquals("scheduler", manifest.path("mode").asText(), manifest.toString());
            assertTrue(manifest.path("events").path("task_stats").path("written").asLong() > 0, manifest.toString());
        }
        JsonNode card = new ObjectMapper().readTree(out.resolve("models/thread-role/model.json").toFile());
        assertEquals("thread-role", card.path("task").asText());
        assertEquals(2, card.path("sessions").size(), card.toString());
        assertTrue(Files.size(out.resolve("models/thread-role/model.pb")) > 0);
    }

    @Test
    void shouldRunTheModelArmWithTheLoopAndRecordEveryRun() throws IOException {
        JsonNode results = new ObjectMapper().readTree(out.resolve("experiment/results.json").toFile());
        assertEquals(3, results.path("runs").size(), results.toString());
        for (JsonNode r : results.path("runs")) {
            assertEquals("OK", r.path("status").asText(), r.toString());
            assertEquals("observe", r.path("session").path("mode").asText(), "every run recorded in observe mode: " + r);
            assertTrue(r.path("session").path("migrations").asLong() > 0, r.toString());
        }
        JsonNode model = results.path("runs").get(2);
        assertEquals("gamer+model", model.path("arm").asText());
        Path dir = out.resolve("experiment/runs").resolve(model.path("dir").asText());
        String summary = Files.readString(dir.resolve("sched-summary.txt"));
        assertTrue(summary.contains("loop:"), "frameloop loop ran beside the scheduler:\n" + summary);
        assertTrue(Files.exists(dir.resolve("decisions.txt")));
        String report = Files.readString(out.resolve("experiment/report.html"));
        assertTrue(report.contains("gamer+model model"), "the report names the model");
        assertTrue(report.contains(out.resolve("models/thread-role") + " (thread-role, logistic, 2 sessions"), report);
    }
}
