package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.probe.ProbeSources;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.testing.HostRequirements;
import dev.frameloop.core.dataset.DataFile;
import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionManifest;
import dev.frameloop.core.dataset.SessionState;
import dev.frameloop.core.dataset.events.EventTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code frameloop record --mode observe} on this host's kernel, in a child JVM: a shell execs N programs
 * while it records, and the session, read back with DuckDB over the Hive layout, holds exactly their N
 * exec and N exit events (names as the kernel gave the bytes); its per-type counts equal the manifest's
 * and what the kernel side committed. Then the faults: SIGTERM mid-session leaves only valid files;
 * SIGKILL mid-session leaves what the next record repairs.
 */
class RecordHostTest {
    private static final Pattern PROCESS_LINE = Pattern.compile(
            "process: (\\d+) rows in (\\d+) files, (\\d+) dropped in the kernel, (\\d+) written by the kernel");

    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void requireBpf() {
        HostRequirements.requireBpfPrivileges();
        data = tmp.resolve("data");
    }

    @Test
    void shouldStoreTheExecAndExitOfEveryProcessExactlyAndCountThemAlikeEverywhere() throws Exception {
        List<byte[]> names = ProcessBurst.names(24);
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        long shell;
        RecordChild.Finished finished;
        try (RecordChild record = RecordChild.start(tmp.resolve("logs"), "--mode", "observe", "--out", data.toString(),
                "--events", "process", "--until-exit", Long.toString(sleeper.pid()), "--roll-rows", "10")) {
            record.awaitOutput("recording session");
            shell = ProcessBurst.run(tmp, names);
            sleeper.destroy();
            int code = record.awaitExit();
            assertEquals(ExitCodes.OK, code, record.describe());
            finished = new RecordChild.Finished(record.out(), record.describe());
        } finally {
            sleeper.destroyForcibly();
        }

        SessionManifest manifest = onlyManifest();
        assertEquals(SessionState.FINISHED, manifest.state());
        assertEquals("observe", manifest.mode());
        assertTrue(manifest.exitReason().contains("process " + sleeper.pid() + " exited"), manifest.exitReason());
        assertFalse(manifest.bpfObjectSha256().isEmpty());
        assertTrue(manifest.eventSources().get("process").contains("sched_process_exec"), manifest.eventSources().toString());
        assertEquals(ProbeSources.OFF, manifest.eventSources().get("migration"), "--events process leaves migrations off");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String table = "read_parquet('" + data + "/*/event=process/*.parquet', hive_partitioning = true)";
            List<byte[]> execComms = bytes(duck, "SELECT comm FROM " + table + " WHERE ppid = ? AND action = 'EXEC'"
                    + " ORDER BY timestamp_ns", shell);
            long exits = count(duck, "SELECT count(*) FROM " + table + " WHERE action = 'EXIT' AND pid IN"
                    + " (SELECT pid FROM " + table + " WHERE ppid = ? AND action = 'EXEC')", shell);
            long total = count(duck, "SELECT count(*) FROM " + table + " WHERE session = ?", manifest.sessionId());

            assertEquals(names.size(), execComms.size(), "exec events of the shell's children\n" + finished.describe());
            for (int i = 0; i < names.size(); i++) {
                assertArrayEquals(ProcessBurst.comm(names.get(i)), execComms.get(i), "comm of child " + i);
            }
            assertEquals(names.size(), exits, "exit events of the shell's children");
            Matcher line = PROCESS_LINE.matcher(finished.out());
            assertTrue(line.find(), finished.describe());
            long reportedRows = Long.parseLong(line.group(1));
            long dropped = Long.parseLong(line.group(3));
            long committed = Long.parseLong(line.group(4));
            assertEquals(total, manifest.events().get("process").written(), "DuckDB's count vs the manifest's");
            assertEquals(total, reportedRows);
            assertEquals(total, committed, "rows vs records the probes committed (drops are not committed: " + dropped + ")");
            assertEquals(manifest.ringDrops().get("fl_rb_process").longValue(), dropped);
            assertEquals(manifest.files().size(), Long.parseLong(line.group(2)));
            assertTrue(manifest.files().size() >= 5, "--roll-rows 10 rolled at least every 10 rows: " + manifest.files());
        }
    }

    @Test
    void shouldLeaveOnlyCompleteFilesAfterSigtermMidSession() throws Exception {
        // --out as a file: URI (Hadoop FileSystem URI syntax; other schemes: SessionWriterTest)
        try (RecordChild record = RecordChild.start(tmp.resolve("logs"), "--mode", "observe", "--out", data.toUri().toString(),
                "--events", "process", "--roll-rows", "7")) {
            record.awaitOutput("recording session");
            ProcessBurst.run(tmp, ProcessBurst.names(30));
            record.terminate();
            assertEquals(ExitCodes.OK, record.awaitExit(), record.describe());
        }

        SessionManifest manifest = onlyManifest();
        assertEquals(SessionState.FINISHED, manifest.state());
        assertEquals("stopped by SIGTERM", manifest.exitReason());
        assertEquals(List.of(), temporaryFiles(), "files left under a temporary name");
        long rows = manifest.events().get("process").written();
        assertTrue(rows >= 60, "30 execs and 30 exits at least, got " + rows);
        assertEquals(rows, duckCount(), "every part file read back");
        assertEquals(manifest.files().stream().map(DataFile::path).sorted().toList(), partFiles());
    }

    @Test
    void shouldExitAtOnceOnASecondSignalLeavingOnlyValidFilesUnderFinalNames() throws Exception {
        int exit;
        String log;
        try (RecordChild record = RecordChild.start(tmp.resolve("logs"), "--mode", "observe", "--out", data.toString(),
                "--events", "process", "--roll-rows", "1")) {
            record.awaitOutput("recording session");
            ProcessBurst.run(tmp, names("second-signal-", 150)); // 300 rows, each its own synced file: a backlog
            record.terminate();
            record.awaitOutput("a second signal exits at once");
            record.terminate();
            exit = record.awaitExit();
            log = record.describe();
        }
        // 143 = 128 + SIGTERM: halted while stopping; 0: the first stop ended before the second signal came
        assertTrue(exit == 128 + 15 || exit == ExitCodes.OK, "exit " + exit + "\n" + log);
        List<String> complete = partFiles();
        assertEquals(complete.size(), duckCount(), "every file under a final name is valid Parquet (one row each)");

        RecordCli.Run fsck = RecordCli.run(new FsckCommand(), data.toString());
        SessionManifest manifest = onlyManifest();
        assertEquals(List.of(), temporaryFiles(), "fsck moved aside what the halt left\n" + fsck.out());
        // a file halted between its synced footer and its rename is complete: fsck gives it its final name
        List<String> repaired = partFiles();
        assertTrue(repaired.containsAll(complete), "fsck kept every complete file\n" + fsck.out());
        assertEquals(repaired.size(), duckCount(), "every file under a final name after fsck is valid Parquet");
        assertEquals(repaired.size(), manifest.events().get("process").written(), fsck.out());
        assertEquals(exit == ExitCodes.OK ? SessionState.FINISHED : SessionState.REPAIRED, manifest.state(), fsck.out());
    }

    @Test
    void shouldLetTheNextRecordRepairWhatSigkillLeft() throws Exception {
        SessionId killed;
        try (RecordChild record = RecordChild.start(tmp.resolve("logs"), "--mode", "observe", "--out", data.toString(),
                "--events", "process", "--roll-rows", "7")) {
            record.awaitOutput("recording session");
            ProcessBurst.run(tmp, ProcessBurst.names(25));
            awaitCompleteFiles(3);
            record.kill();
            killed = onlyManifest().id();
        }
        assertEquals(SessionState.RECORDING, onlyManifest().state(), "a killed recorder never finalises its manifest");

        RecordCli.Run next = RecordCli.run(new RecordCommand(), "--mode", "observe", "--out", data.toString(),
                "--events", "process", "--duration", "1s");

        assertEquals(ExitCodes.OK, next.exitCode(), next.describe());
        assertTrue(next.out().contains("needed repair"), next.describe());
        SessionManifest repaired = Dataset.open(data.toString(), EventTables.catalog()).session(killed).manifest();
        assertEquals(SessionState.REPAIRED, repaired.state(), next.describe());
        assertEquals(1, repaired.repairs().size());
        assertEquals(List.of(), temporaryFiles(), "files left under a temporary name");
        long onDisk = repaired.events().get("process").written();
        assertEquals(repaired.repairs().get(0).rowsOnDisk(), onDisk);
        assertTrue(onDisk >= 21, "3 complete files of 7 rows survive the kill, got " + onDisk);
        long allRows = count(DriverManager.getConnection("jdbc:duckdb:"), "SELECT count(*) FROM read_parquet('" + data
                + "/*/event=process/*.parquet', hive_partitioning = true) WHERE session = ?", killed.value());
        assertEquals(onDisk, allRows, "the killed session's valid files read back");
    }

    @Test
    void shouldLoseNoEventAcrossSigkillWhenPinnedAndResumed() throws Exception {
        PinDirectory pins = new PinDirectory(PinDirectory.DEFAULT_ROOT);
        HostRequirements.require(pins.pinned().isEmpty(), "no pins of another recorder in " + pins.root()
                + " (frameloop unpin removes them)");
        List<byte[]> before = names("before-", 8);
        List<byte[]> between = names("between-", 8);
        List<byte[]> after = names("after-", 8);
        long shellBefore;
        try {
            try (RecordChild record = RecordChild.start(tmp.resolve("logs"), "--mode", "observe", "--out", data.toString(),
                    "--events", "process", "--roll-rows", "1", "--pin")) {
                record.awaitOutput("recording session");
                shellBefore = ProcessBurst.run(tmp, before);
                awaitCompleteFiles(2 * before.size()); // each row is its own complete file: nothing in flight
                record.kill();
            }
            assertTrue(pins.pinned().isPresent(), "the pins outlive the killed recorder");
            long shellBetween = ProcessBurst.run(tmp, between); // no recorder: the pinned probes fill the ring

            long shellAfter;
            Process sleeper = new ProcessBuilder("sleep", "600").start();
            try (RecordChild resumed = RecordChild.start(tmp.resolve("logs"), "--resume", "--out", data.toString(),
                    "--events", "process", "--until-exit", Long.toString(sleeper.pid()))) {
                resumed.awaitOutput("recording session");
                shellAfter = ProcessBurst.run(tmp, after);
                sleeper.destroy();
                assertEquals(ExitCodes.OK, resumed.awaitExit(), resumed.describe());
                assertTrue(resumed.out().contains("needed repair"), "the killed session is repaired first\n" + resumed.describe());
            } finally {
                sleeper.destroyForcibly();
            }
            assertTrue(pins.pinned().isEmpty(), "--resume without --pin unpins when it ends");

            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                String all = "read_parquet('" + data + "/*/event=process/*.parquet', hive_partitioning = true)";
                // delivery across the kill is at least once: an event is counted once however often it was recorded
                String distinct = "(SELECT DISTINCT pid, ppid, action, timestamp_ns FROM " + all + ")";
                for (long shell : List.of(shellBefore, shellBetween, shellAfter)) {
                    long execs = count(duck, "SELECT count(*) FROM " + distinct + " WHERE action = 'EXEC' AND ppid = ?", shell);
                    long exits = count(duck, "SELECT count(*) FROM " + distinct + " WHERE action = 'EXIT' AND pid IN (SELECT pid FROM "
                            + distinct + " WHERE action = 'EXEC' AND ppid = ?)", shell);
                    assertEquals(8, execs, "exec events of shell " + shell + " over both sessions");
                    assertEquals(8, exits, "exit events of shell " + shell + " over both sessions");
                }
                long duplicates = count(duck, "SELECT count(*) - count(DISTINCT (pid, action, timestamp_ns)) FROM " + all
                        + " WHERE 1 = ?", 1);
                // at least once: what the killed reader wrote after its last consumer_pos store comes again
                assertTrue(duplicates <= RingConsumer.DEFAULT_POSITION_STORE_BATCH,
                        "events recorded twice, at most one consumer_pos batch: " + duplicates);
            }
        } finally {
            pins.unpinAll();
        }
    }

    @Test
    void shouldStopCleanlyWithAnErrorAndCountTheLostEventsWhenTheDiskFills() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small"));
        HostRequirements.require(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k", "frameloop-record-test",
                mount.toString()).inheritIO().start().waitFor() == 0, "mounting a tmpfs (root)");
        try {
            Path out = mount.resolve("data");
            try (RecordChild record = RecordChild.start(tmp.resolve("logs"), "--mode", "observe", "--out", out.toString(),
                    "--events", "process", "--roll-rows", "400")) {
                record.awaitOutput("recording session");
                Path filler = mount.resolve("filler");
                fill(filler);
                try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.truncate(channel.size() - 16 * 1024); // room for a manifest, not for a part file
                }
                List<byte[]> many = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    many.add(("disk-full-" + i + "-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID()).getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII));
                }
                ProcessBurst.run(tmp, many);
                assertEquals(ExitCodes.IO_ERROR, record.awaitExit(), record.describe());
                String err = record.describe();
                assertTrue(err.contains("write failure") && err.contains("events lost"), err);
            }
            SessionManifest manifest = Dataset.open(out.toString(), EventTables.catalog())
                    .session(Dataset.open(out.toString(), EventTables.catalog()).sessions().get(0)).manifest();
            assertEquals(SessionState.FAILED, manifest.state());
            assertTrue(manifest.failure() != null && manifest.failure().eventsLost() >= 400, String.valueOf(manifest.failure()));
            assertTrue(manifest.failure().message().contains("No space left"), manifest.failure().message());
            try (Stream<Path> files = Files.walk(out)) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".inprogress")).toList());
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var stream = Files.newOutputStream(filler)) {
            while (true) {
                stream.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    private static List<byte[]> names(String prefix, int count) {
        List<byte[]> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add((prefix + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return names;
    }

    private void awaitCompleteFiles(int wanted) throws IOException, InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until && partFiles().size() < wanted) {
            Thread.sleep(50);
        }
        assertTrue(partFiles().size() >= wanted, "complete part files: " + partFiles());
    }

    private SessionManifest onlyManifest() throws IOException {
        Dataset dataset = Dataset.open(data.toString(), EventTables.catalog());
        List<SessionId> sessions = dataset.sessions();
        assertEquals(1, sessions.size(), "sessions: " + sessions);
        return dataset.session(sessions.get(0)).manifest();
    }

    private List<String> partFiles() throws IOException {
        return files(name -> name.startsWith("part-") && name.endsWith(".parquet"));
    }

    private List<String> temporaryFiles() throws IOException {
        return files(name -> name.endsWith(".inprogress"));
    }

    private List<String> files(java.util.function.Predicate<String> named) throws IOException {
        if (!Files.exists(data)) {
            return List.of();
        }
        while (true) {
            try (Stream<Path> paths = Files.walk(data)) {
                List<String> found = new ArrayList<>();
                paths.filter(p -> named.test(p.getFileName().toString()))
                        .filter(p -> !p.toString().contains("_incomplete"))
                        .forEach(p -> found.add(p.getParent().getFileName() + "/" + p.getFileName()));
                found.sort(null);
                return found;
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
                // a running recorder renamed a file between the listing and its attributes: list again
            }
        }
    }

    private long duckCount() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            return count(duck, "SELECT count(*) FROM read_parquet('" + data + "/*/event=process/*.parquet',"
                    + " hive_partitioning = true) WHERE 1 = ?", 1);
        }
    }

    private static long count(Connection duck, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = duck.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    private static List<byte[]> bytes(Connection duck, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = duck.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<byte[]> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getBytes(1));
                }
            }
            return values;
        }
    }
}
