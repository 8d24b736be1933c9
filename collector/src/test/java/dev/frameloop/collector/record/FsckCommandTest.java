package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.DatasetPaths;
import dev.frameloop.core.dataset.RollPolicy;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.TableWriter;
import dev.frameloop.core.dataset.bench.FrameTimingSamples;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.dataset.storage.LocalStorage;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FsckCommandTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-14T16:30:00Z"), ZoneOffset.UTC);
    private SessionId id;
    private Path frames;

    @BeforeEach
    void recordThenDamage() throws Exception {
        id = SessionId.startingAt(Instant.parse("2026-01-14T15:30:12Z"));
        SessionWriter session = SessionWriter.create(new LocalStorage(dir), id,
                new SessionInfo("h", "k", "observe", "", Map.of()),
                SessionWriterOptions.DEFAULT.withRoll(new RollPolicy(1000, Duration.ofMinutes(1))), clock);
        @SuppressWarnings("unchecked")
        TableWriter<FrameTimingEventFlyweight> table = session.table(
                (dev.frameloop.core.dataset.DatasetTable<FrameTimingEventFlyweight>)
                        EventTables.binding(EventType.FRAME_TIMING).newTable());
        FrameTimingSamples samples = new FrameTimingSamples(1000, 7);
        for (int i = 0; i < 3000; i++) {
            table.write(samples.row(i));
        }
        session.finish("done");
        frames = dir.resolve(DatasetPaths.tableDir(id, "frame_timing"));
        // a truncated file and what a killed recorder leaves of the file it was writing: the magic, no footer
        try (FileChannel channel = FileChannel.open(frames.resolve("part-00001.parquet"), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        Files.write(frames.resolve(DatasetPaths.tempPartName(3)), "PAR1".getBytes(StandardCharsets.US_ASCII));
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FsckCommand(clock));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void shouldRepairThenFindTheDatasetClean() throws Exception {
        Run first = run(dir.toString());

        assertEquals(ExitCodes.FAILURE, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("session " + id + ": repaired"), first.out());
        assertTrue(first.out().contains("corrupt     event=frame_timing/part-00001.parquet: moved to"
                + " _incomplete/event=frame_timing/part-00001.parquet.corrupt"), first.out());
        assertTrue(first.out().contains("incomplete  event=frame_timing/.part-00003.parquet.inprogress: moved to"
                + " _incomplete/event=frame_timing/.part-00003.parquet.inprogress"), first.out());
        assertTrue(first.out().contains("rows on disk: frame_timing 2000 (manifest: 3000)"), first.out());
        assertTrue(first.out().contains("the crash cost at least 1000 and at most 2000 events"), first.out());
        assertTrue(first.out().contains("1 session: 0 clean, 1 repaired, 0 skipped, 0 with problems left"), first.out());
        assertEquals(2000, new Dataset(new LocalStorage(dir), EventTables.catalog()).session(id).count("frame_timing"));

        Run second = run(dir.toString());
        assertEquals(ExitCodes.OK, second.code(), second.out() + second.err());
        assertTrue(second.out().contains("session " + id + ": clean"), second.out());
    }

    @Test
    void shouldChangeNothingInADryRunAndAcceptASessionFolder() throws Exception {
        List<String> before = list(frames);

        Run result = run("--dry-run", dir.resolve(DatasetPaths.sessionDir(id)).toString());

        assertEquals(ExitCodes.FAILURE, result.code(), result.out() + result.err());
        assertTrue(result.out().startsWith("dry run: nothing was changed\n"), result.out());
        assertTrue(result.out().contains("session " + id + ": needs repair"), result.out());
        assertTrue(result.out().contains("1 session: 0 clean, 1 to repair"), result.out());
        assertEquals(before, list(frames));
    }

    @Test
    void shouldLeaveForeignFilesAloneAndSaySo() throws Exception {
        run(dir.toString());
        Files.writeString(frames.resolve("notes.txt"), "mine");

        Run result = run(dir.toString());

        assertEquals(ExitCodes.IO_ERROR, result.code(), result.out());
        assertTrue(result.out().contains("foreign     event=frame_timing/notes.txt: left alone (not a part file)"),
                result.out());
        assertTrue(Files.exists(frames.resolve("notes.txt")));
    }

    @Test
    void shouldSayWhenTheFolderDoesNotExist() {
        FsckCommand command = new FsckCommand(clock);
        new CommandLine(command).parseArgs(dir.resolve("nope").toString());

        UserFacingException e = assertThrows(UserFacingException.class, command::call);

        assertEquals(ExitCodes.IO_ERROR, e.exitCode());
        assertTrue(e.getMessage().startsWith(dir.resolve("nope") + " does not exist"), e.getMessage());
    }

    @Test
    void shouldExplainItselfInHelp() {
        Run help = run("--help");

        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: fsck [-hnV] [--force] [--quick] DIR"), help.out());
        assertTrue(help.out().contains("_incomplete/"), help.out());
        assertTrue(help.out().contains("--dry-run"), help.out());
        assertTrue(help.out().contains("Exit codes:"), help.out());
        assertTrue(help.out().contains("1   repaired"), help.out());
    }

    private static List<String> list(Path folder) throws Exception {
        try (var stream = Files.list(folder)) {
            return stream.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
