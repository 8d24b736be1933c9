package dev.frameloop.core.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Produces a session whose recorder died mid-write, by running {@link CrashingRecorder} in a child JVM. */
final class CrashedSessions {
    private CrashedSessions() {
    }

    static SessionId crash(Path root) throws Exception {
        SessionId id = SessionId.startingAt(Sessions.START);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", CrashingRecorder.class.getName(), root.toString(), id.value()))
                .redirectErrorStream(true)
                .start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }
        assertTrue(done, "the crashing recorder did not finish in 120 s: " + output);
        assertEquals(137, process.exitValue(), "the recorder should have halted mid-session: " + output);
        assertTrue(output.contains("halting"), output);
        return id;
    }

}
