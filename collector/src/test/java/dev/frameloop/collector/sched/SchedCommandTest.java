package dev.frameloop.collector.sched;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedCommandTest {

    private static SchedCommand parsed(SchedExtSysfs sysfs, String... args) {
        SchedCommand command = new SchedCommand(sysfs);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void shouldRefuseToRunWithoutSchedExtAndPointToTheVm(@TempDir Path tmp) {
        SchedCommand command = parsed(new SchedExtSysfs(tmp.resolve("sched_ext")), "--duration", "5s");

        UserFacingException e = assertThrows(UserFacingException.class, command::call);

        assertEquals(ExitCodes.UNAVAILABLE, e.exitCode());
        assertEquals("this kernel has no sched_ext (CONFIG_SCHED_CLASS_EXT); run it in the VM:"
                + " bin/frameloop vm -- bin/frameloop sched --duration 5s", e.getMessage());
    }

    @Test
    void shouldRejectAZeroDuration(@TempDir Path tmp) {
        SchedCommand command = parsed(new SchedExtSysfs(tmp), "--duration", "0s");

        UserFacingException e = assertThrows(UserFacingException.class, command::call);
        assertEquals(ExitCodes.USAGE, e.exitCode());
    }

    @Test
    void shouldRejectADurationWithoutUnitWhileParsing() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SchedCommand(SchedExtSysfs.system()));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--duration", "5");

        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("invalid duration '5'"), err.toString());
    }

    @Test
    void shouldExplainItselfInHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SchedCommand(SchedExtSysfs.system()));
        cli.setOut(new PrintWriter(out));

        assertEquals(0, cli.execute("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--duration=D"), help);
        assertTrue(help.contains("--policy=TID=ROLE[,for=D][,boost=PCT][,slice=D]"), help);
        assertTrue(help.contains("--game-pid=PID"), help);
        assertTrue(help.contains("--game-comm=NAME"), help);
        assertTrue(help.contains("--test-stall-tid=TID Test only"), help);
        assertTrue(help.contains("Default: 1ms."), help);
        assertTrue(help.contains("units ms, s, m, h, d"), help);
        assertTrue(help.contains("Default: run until Ctrl-C or SIGTERM"), help);
        assertTrue(help.contains("CONFIG_SCHED_CLASS_EXT"), help);
        assertTrue(help.contains("Exit codes:"), help);
    }

    @Test
    void shouldRefuseAPolicyForAThreadThatDoesNotExist(@TempDir Path tmp) {
        SchedCommand command = parsed(new SchedExtSysfs(tmp), "--policy", "2147483646=render", "--game-pid", "2147483645");

        UserFacingException e = assertThrows(UserFacingException.class, command::call);

        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertEquals("--game-pid 2147483645: no such process or thread; --policy 2147483646: no such process or thread",
                e.getMessage());
    }

    @Test
    void shouldRejectAGameCommLongerThanAThreadName(@TempDir Path tmp) {
        SchedCommand command = parsed(new SchedExtSysfs(tmp.resolve("sched_ext")), "--game-comm", "sixteen_bytes_xx");

        UserFacingException e = assertThrows(UserFacingException.class, command::call);

        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertEquals("a game comm must be 1..15 bytes (a thread name), was 'sixteen_bytes_xx'", e.getMessage());
    }

    @Test
    void shouldReadStateAndOpsFromSysfs(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("sched_ext/root"));
        SchedExtSysfs sysfs = new SchedExtSysfs(root.getParent());
        assertFalse(sysfs.isPresent());
        assertEquals(Optional.empty(), sysfs.state());

        Files.writeString(root.getParent().resolve("state"), "enabled\n");
        Files.writeString(root.resolve("ops"), "gamer\n");

        assertTrue(sysfs.isPresent());
        assertEquals(Optional.of("enabled"), sysfs.state());
        assertEquals(Optional.of("gamer"), sysfs.rootOps());
    }
}
