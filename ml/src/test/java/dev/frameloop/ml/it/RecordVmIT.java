package dev.frameloop.ml.it;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionManifest;
import dev.frameloop.core.dataset.SessionState;
import dev.frameloop.core.dataset.events.EventTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code frameloop record --mode scheduler} in the guest on the pinned sched_ext kernel, one boot, two
 * sessions into a shared folder read back on the host with DuckDB over the Hive layout:
 * <ol>
 *   <li>until a helper process exits, while a shell execs {@value #EXECS} programs and the frame loop runs:
 *       exactly {@value #EXECS} exec events of that shell; for every event type, rows (DuckDB) == the
 *       manifest's count == what the BPF side committed to its rings; the scheduler's streams are there;</li>
 *   <li>stopped by SIGTERM mid-session: exit 0, state finished, every file complete and readable.</li>
 * </ol>
 */
@Tag("vm")
class RecordVmIT {
    private static final int EXECS = 20;
    private static final Pattern TABLE_LINE = Pattern.compile(
            "  (\\w+): (\\d+) rows in (\\d+) files(?:, \\d+ lost)?, (\\d+) dropped in the kernel(?:, (\\d+) written by the kernel)?");

    private static String script(Path data, String frameLoop) {
        return String.join("\n",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "D=" + data,
                "sleep 100000 & H=$!",
                "$FL record --mode scheduler --out $D --game-comm frame_loop --roll-rows 500 --until-exit $H"
                        + " > /tmp/rec1.out 2>&1 &",
                "P=$!",
                "while ! grep -q 'recording session' /tmp/rec1.out && kill -0 $P 2>/dev/null; do sleep 0.2; done",
                "sh -c 'echo \"SHELL $$\"; i=0; while [ $i -lt " + EXECS + " ]; do /bin/true; i=$((i+1)); done; :'",
                frameLoop + " --fps 60 --seconds 3 --work-us 2000 > /tmp/fl.out",
                "kill $H; wait $P; echo \"RECORD1_EXIT $?\"",
                "echo '--- record 1'; cat /tmp/rec1.out; echo '--- end 1'",
                "$FL record --mode scheduler --out $D --roll-rows 200 > /tmp/rec2.out 2>&1 &",
                "P=$!",
                "while ! grep -q 'recording session' /tmp/rec2.out && kill -0 $P 2>/dev/null; do sleep 0.2; done",
                "( i=0; while [ $i -lt 30 ]; do sh -c :; i=$((i+1)); done )",
                "kill -TERM $P; wait $P; echo \"RECORD2_EXIT $?\"",
                "echo '--- record 2'; cat /tmp/rec2.out; echo '--- end 2'");
    }

    @Test
    void shouldRecordTheSchedulersStreamsAndTheProbesCountedAlikeEverywhereAndStopCleanlyOnSigterm() throws Exception {
        Path data = Files.createDirectories(GuestRun.projectRoot().resolve("ml/target/it-record"))
                .resolve("data-" + System.nanoTime());
        String frameLoop = Workloads.relative(Workloads.frameLoop());

        GuestRun.Result r = GuestRun.vm("sh", "-c", script(data, frameLoop))
                .options("--timeout", "20m")
                .hostTimeout(Duration.ofMinutes(25))
                .run();
        String out = r.stdout();

        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(out.contains("RECORD1_EXIT 0"), r.describe());
        assertTrue(out.contains("RECORD2_EXIT 0"), r.describe());
        assertTrue(out.contains("record: mode scheduler (as asked)"), r.describe());
        Matcher shellLine = Pattern.compile("SHELL (\\d+)").matcher(out);
        assertTrue(shellLine.find(), r.describe());
        long shell = Long.parseLong(shellLine.group(1));

        Dataset dataset = Dataset.open(data.toString(), EventTables.catalog());
        List<SessionId> sessions = dataset.sessions();
        assertEquals(2, sessions.size(), r.describe());
        SessionManifest first = dataset.session(sessions.get(0)).manifest();
        SessionManifest second = dataset.session(sessions.get(1)).manifest();
        assertEquals("scheduler", first.mode());
        assertEquals(SessionState.FINISHED, first.state());
        assertTrue(first.exitReason().startsWith("process ") && first.exitReason().endsWith(" exited"), first.exitReason());
        assertTrue(first.eventSources().get("task_stats").contains("scheduler:gamer"), first.eventSources().toString());

        Map<String, long[]> reported = reportedCounts(section(out, "--- record 1", "--- end 1"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long execs = count(duck, "SELECT count(*) FROM " + table(data, "process") + " WHERE session = ? AND ppid = "
                    + shell + " AND action = 'EXEC'", first.sessionId());
            assertEquals(EXECS, execs, "exec events of the shell's children\n" + r.describe());
            for (String type : List.of("process", "thread_class", "task_stats")) {
                assertTrue(reported.containsKey(type) && reported.get(type)[0] > 0, type + " recorded\n" + r.describe());
            }
            for (Map.Entry<String, long[]> e : reported.entrySet()) {
                String type = e.getKey();
                long rows = count(duck, "SELECT count(*) FROM " + table(data, type) + " WHERE session = ?", first.sessionId());
                assertEquals(first.events().get(type).written(), rows, type + ": DuckDB vs manifest\n" + r.describe());
                assertEquals(e.getValue()[0], rows, type + ": DuckDB vs report\n" + r.describe());
                assertEquals(e.getValue()[2], rows, type + ": rows vs records the BPF side committed\n" + r.describe());
            }

            assertEquals(SessionState.FINISHED, second.state());
            assertEquals("stopped by SIGTERM", second.exitReason());
            long secondRows = second.totalWritten();
            assertTrue(secondRows > 0, r.describe());
            long read = 0;
            for (String type : second.events().keySet()) {
                if (second.events().get(type).written() > 0) {
                    read += count(duck, "SELECT count(*) FROM " + table(data, type) + " WHERE session = ?", second.sessionId());
                }
            }
            assertEquals(secondRows, read, "every file of the SIGTERM'd session read back");
        }
        try (Stream<Path> files = Files.walk(data)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".inprogress")).toList());
        }
    }

    private static String table(Path data, String type) {
        return "read_parquet('" + data + "/*/event=" + type + "/*.parquet', hive_partitioning = true)";
    }

    private static String section(String out, String from, String to) {
        int start = out.indexOf(from);
        int end = out.indexOf(to, start);
        return start < 0 || end < 0 ? "" : out.substring(start, end);
    }

    /** Per table: rows, drops, committed (-1 when not reported) from the record report. */
    private static Map<String, long[]> reportedCounts(String report) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Matcher m = TABLE_LINE.matcher(report);
        while (m.find()) {
            counts.put(m.group(1), new long[]{Long.parseLong(m.group(2)), Long.parseLong(m.group(4)),
                    m.group(5) == null ? -1 : Long.parseLong(m.group(5))});
        }
        return counts;
    }

    private static long count(Connection duck, String sql, String session) throws SQLException {
        try (PreparedStatement statement = duck.prepareStatement(sql)) {
            statement.setString(1, session);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }
}
