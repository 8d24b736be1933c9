package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VmCommandTest {

    private static VmCommand parse(String... args) {
        VmCommand command = new VmCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void shouldUseTheDocumentedDefaults() {
        VmCommand vm = parse("--", "true");

        assertNull(vm.kernel);
        assertEquals(2, vm.cpus);
        assertEquals(MemorySize.parse("2G"), vm.memory);
        assertEquals(Duration.ofMinutes(10), vm.timeout);
        assertEquals(TcgThreading.SINGLE, vm.tcg);
        assertEquals(List.of(), vm.shares);
        assertEquals(List.of("true"), vm.command);
    }

    @Test
    void shouldParseEveryOption() {
        VmCommand vm = parse("--kernel", "/k", "--cpus", "4", "--mem", "512M", "--timeout", "90s", "--tcg-threads", "multi",
                "--share", "out", "--share=/tmp/x", "--", "sh", "-c", "exit 7");

        assertEquals(Path.of("/k"), vm.kernel);
        assertEquals(4, vm.cpus);
        assertEquals(512, vm.memory.mebibytes());
        assertEquals(Duration.ofSeconds(90), vm.timeout);
        assertEquals(TcgThreading.MULTI, vm.tcg);
        assertEquals(List.of(Path.of("out"), Path.of("/tmp/x")), vm.shares);
        assertEquals(List.of("sh", "-c", "exit 7"), vm.command);
    }

    @Test
    void shouldGiveEverythingAfterTheCommandToTheCommand() {
        assertEquals(List.of("ls", "-la", "--timeout", "5s"), parse("ls", "-la", "--timeout", "5s").command);
        assertEquals(List.of("--cpus", "3"), parse("--", "--cpus", "3").command);
        assertEquals(List.of("bin/frameloop", "sched", "--duration", "5s"),
                parse("--cpus", "1", "--", "bin/frameloop", "sched", "--duration", "5s").command);
    }

    @Test
    void shouldRequireACommand() {
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("--cpus", "2"));
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("--"));
    }

    @Test
    void shouldRejectBadDurationsAndSizesNamingTheValue() {
        CommandLine.ParameterException timeout = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--timeout", "soon", "--", "true"));
        assertTrue(timeout.getMessage().contains("soon") && timeout.getMessage().contains("--timeout"), timeout.getMessage());

        CommandLine.ParameterException tcg = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--tcg-threads", "many", "--", "true"));
        assertTrue(tcg.getMessage().contains("many") && tcg.getMessage().contains("--tcg-threads"), tcg.getMessage());

        CommandLine.ParameterException mem = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--mem", "lots", "--", "true"));
        assertTrue(mem.getMessage().contains("lots") && mem.getMessage().contains("--mem"), mem.getMessage());
    }

    @Test
    void shouldSayHowToInstallQemuWhenItIsMissing(@org.junit.jupiter.api.io.TempDir Path emptyBin) {
        VmCommand vm = parse("--", "true");
        vm.environment = Environment.of(java.util.Map.of("PATH", emptyBin.toString()),
                java.util.Map.of("user.dir", emptyBin.toString(), "user.home", emptyBin.toString()));

        UserFacingException e = assertThrows(UserFacingException.class, vm::call);

        assertEquals(ExitCodes.UNAVAILABLE, e.exitCode());
        assertTrue(e.getMessage().contains("qemu-system-x86_64 not found") && e.getMessage().contains("qemu-system-x86")
                && e.getMessage().contains("bin/setup"), e.getMessage());
    }

    @Test
    void shouldReturnTheCommandsExitStatus() {
        assertEquals(0, VmCommand.exitCode(new GuestOutcome.Exited(0)));
        assertEquals(7, VmCommand.exitCode(new GuestOutcome.Exited(7)));
    }

    @Test
    void shouldExplainATimeoutAndHowToRaiseIt() {
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> VmCommand.exitCode(new GuestOutcome.TimedOut(Duration.ofSeconds(20))));

        assertEquals(ExitCodes.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().contains("within 20s") && e.getMessage().contains("--timeout 40s"), e.getMessage());
    }

    @Test
    void shouldReportAPanicWithItsLine() {
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> VmCommand.exitCode(new GuestOutcome.Panicked("Kernel panic - not syncing: sysrq triggered crash")));

        assertEquals(ExitCodes.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains("sysrq triggered crash"), e.getMessage());
    }

    @Test
    void shouldReportAGuestFailureWithWhatWasSeen() {
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> VmCommand.exitCode(new GuestOutcome.Failed("cannot mount the host root (9p tag fl_root)")));

        assertEquals(ExitCodes.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains("fl_root"), e.getMessage());
    }
}
