package dev.frameloop.collector.record;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.core.dataset.DatasetPaths;
import dev.frameloop.core.dataset.SessionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What record refuses before anything loads: the loader must not be called. */
class RecordCommandTest {
    private static final BpfPrivileges ROOT = new BpfPrivileges(0, -1L);
    private static final BpfPrivileges USER = new BpfPrivileges(1000, 0L);

    private final AtomicInteger loads = new AtomicInteger();

    private RecordCommand command(Path sysfs, BpfPrivileges privileges) {
        return new RecordCommand(new SchedExtSysfs(sysfs), () -> privileges, (mode, options) -> {
            loads.incrementAndGet();
            throw new AssertionError("nothing may load here");
        }, Clock.systemUTC(), new PinDirectory(sysfs.resolveSibling("bpffs-frameloop")));
    }

    @Test
    void shouldRefuseAnOutThatCannotBeWrittenBeforeAnythingLoads(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");

        RecordCli.Run run = RecordCli.run(command(tmp.resolve("no-sched-ext"), ROOT), "--out", file.resolve("data").toString());

        assertEquals(ExitCodes.IO_ERROR, run.exitCode(), run.describe());
        assertTrue(run.err().contains("is not writable"), run.describe());
        assertEquals(0, loads.get());
    }

    @Test
    void shouldRefuseAnExistingSessionIdBeforeAnythingLoads(@TempDir Path tmp) throws IOException {
        SessionId id = SessionId.parse("20260114T153012.345Z-3f9a0c");
        Files.createDirectories(tmp.resolve("data").resolve(DatasetPaths.sessionDir(id)));

        RecordCli.Run run = RecordCli.run(command(tmp.resolve("no-sched-ext"), ROOT), "--out",
                tmp.resolve("data").toString(), "--session-id", id.value());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.describe());
        assertTrue(run.err().contains("session " + id + " already exists"), run.describe());
        assertEquals(0, loads.get());
    }

    @Test
    void shouldNameTheMissingCapabilitiesAndTheFixWhenNotRoot(@TempDir Path tmp) {
        RecordCli.Run run = RecordCli.run(command(tmp.resolve("no-sched-ext"), USER), "--out", tmp.resolve("data").toString());

        assertEquals(ExitCodes.UNAVAILABLE, run.exitCode(), run.describe());
        assertTrue(run.err().contains("CAP_BPF and CAP_PERFMON"), run.describe());
        assertTrue(run.err().contains("sudo"), run.describe());
        assertEquals(0, loads.get());
    }

    @Test
    void shouldNameWhatSchedulerModeNeedsWhenNotRoot(@TempDir Path tmp) throws IOException {
        Path sysfs = Files.createDirectories(tmp.resolve("sched_ext"));
        Files.writeString(sysfs.resolve("state"), "disabled\n");

        RecordCli.Run run = RecordCli.run(command(sysfs, USER), "--out", tmp.resolve("data").toString());

        assertEquals(ExitCodes.UNAVAILABLE, run.exitCode(), run.describe());
        assertTrue(run.out().contains("mode scheduler (auto: this kernel has sched_ext"), run.describe());
        assertTrue(run.err().contains("CAP_BPF and CAP_SYS_ADMIN"), run.describe());
    }

    @Test
    void shouldRefuseSchedulerModeWithoutSchedExtAndPointToTheVm(@TempDir Path tmp) {
        RecordCli.Run run = RecordCli.run(command(tmp.resolve("no-sched-ext"), ROOT), "--out",
                tmp.resolve("data").toString(), "--mode", "scheduler");

        assertEquals(ExitCodes.UNAVAILABLE, run.exitCode(), run.describe());
        assertTrue(run.err().contains("bin/frameloop vm -- bin/frameloop record --mode scheduler"), run.describe());
        assertEquals(0, loads.get());
    }

    @Test
    void shouldRefuseAnUnknownEventTypeNamingTheKnownOnes(@TempDir Path tmp) {
        RecordCli.Run run = RecordCli.run(command(tmp.resolve("no-sched-ext"), ROOT), "--out",
                tmp.resolve("data").toString(), "--events", "process,frames");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.describe());
        assertTrue(run.err().contains("unknown event type 'frames'"), run.describe());
        assertTrue(run.err().contains("frame_timing"), run.describe());
        assertFalse(Files.exists(tmp.resolve("data")), "nothing written for bad options");
    }

    @Test
    void shouldSayWhichModeAutoPicks(@TempDir Path tmp) throws IOException {
        Path present = Files.createDirectories(tmp.resolve("sched_ext"));
        Files.writeString(present.resolve("state"), "disabled\n");

        assertEquals(RecordMode.SCHEDULER, RecordMode.choose(RecordMode.AUTO, new SchedExtSysfs(present)).mode());
        RecordMode.Choice absent = RecordMode.choose(RecordMode.AUTO, new SchedExtSysfs(tmp.resolve("none")));
        assertEquals(RecordMode.OBSERVE, absent.mode());
        assertTrue(absent.explanation().contains("no sched_ext"), absent.explanation());
        assertEquals(RecordMode.OBSERVE, RecordMode.choose(RecordMode.OBSERVE, new SchedExtSysfs(present)).mode());
    }
}
