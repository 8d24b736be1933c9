package dev.frameloop.ml.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code frameloop vm} end to end: each test boots a real guest on the sched_ext kernel. */
@Tag("vm")
class VmRunnerVmIT {
    @TempDir
    Path tmp;

    @Test
    void shouldExitWithOneWhenTheCommandFails() throws Exception {
        GuestRun.Result r = GuestRun.vm("false").run();

        assertEquals(1, r.exitCode(), r.describe());
    }

    @Test
    void shouldExitWithTheCommandsExitStatus() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c", "exit 7").run();

        assertEquals(7, r.exitCode(), r.describe());
    }

    @Test
    void shouldStreamExactlyTheCommandsOutputToStdoutAndItsErrorsToStderr() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c", "echo hello from the guest; echo to stderr >&2; printf '\\000\\001\\377\\r\\n'").run();

        assertEquals(0, r.exitCode(), r.describe());
        byte[] expected = "hello from the guest\n\0\1\377\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertArrayEquals(expected, r.stdoutBytes(), r.describe());
        assertTrue(r.stderr().contains("to stderr\n"), r.describe());
    }

    @Test
    void shouldRunInTheCallersWorkingDirectoryAndWriteThroughTheShare() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("work dir"));

        GuestRun.Result r = GuestRun.vm("sh", "-c", "pwd; echo written-in-the-guest > out.txt").in(dir).run();

        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(dir.toRealPath() + "\n", r.stdout(), r.describe());
        assertEquals("written-in-the-guest\n", Files.readString(dir.resolve("out.txt")));
    }

    @Test
    void shouldPassArgumentsAndEnvironmentUnchanged() throws Exception {
        List<String> hostile = List.of("two words", "it's", "\"quoted\"", "$HOME", "line\nbreak", "", "*");
        String[] argv = new String[2 + hostile.size()];
        argv[0] = "printf";
        argv[1] = "<%s>\\n";
        for (int i = 0; i < hostile.size(); i++) {
            argv[2 + i] = hostile.get(i);
        }

        GuestRun.Result r = GuestRun.vm(argv).env("FRAMELOOP_IT_MARK", "mark $1 'x'").run();
        GuestRun.Result env = GuestRun.vm("sh", "-c", "echo \"$FRAMELOOP_IT_MARK|$HOME|$(id -u)\"")
                .env("FRAMELOOP_IT_MARK", "mark $1 'x'").run();

        StringBuilder expected = new StringBuilder();
        hostile.forEach(a -> expected.append('<').append(a).append(">\n"));
        assertEquals(expected.toString(), r.stdout(), r.describe());
        assertEquals("mark $1 'x'|/root|0\n", env.stdout(), env.describe());
    }

    @Test
    void shouldProvideTheSchedExtKernelDevicesAndFileSystems() throws Exception {
        String script = "cat /sys/kernel/sched_ext/state; "
                + "for d in /dev/uinput /dev/dri/card0 /dev/dri/renderD128 /dev/snd/timer; do test -c $d && echo $d; done; "
                + "for m in / /sys/fs/bpf /sys/kernel/tracing /sys/kernel/debug /tmp /run /dev/shm /dev/pts; do "
                + "awk -v m=$m '$2 == m { print m, $3 }' /proc/mounts | tail -n 1; done; "
                + "touch /usr/frameloop-probe 2>/dev/null && echo root-writable || echo root-read-only";

        GuestRun.Result r = GuestRun.vm("sh", "-c", script).run();

        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(String.join("\n", "disabled", "/dev/uinput", "/dev/dri/card0", "/dev/dri/renderD128", "/dev/snd/timer",
                "/ 9p", "/sys/fs/bpf bpf", "/sys/kernel/tracing tracefs", "/sys/kernel/debug debugfs", "/tmp tmpfs",
                "/run tmpfs", "/dev/shm tmpfs", "/dev/pts devpts", "root-read-only") + "\n", r.stdout(), r.describe());
    }

    @Test
    void shouldStopAHangingCommandAtTheTimeoutAndLeaveNoQemu() throws Exception {
        String marker = "fl-timeout-" + UUID.randomUUID();
        Path share = Files.createDirectories(tmp.resolve(marker));
        String qemuOfThisRun = "qemu-system.*" + marker;

        try (GuestRun.Running running = GuestRun.vm("sleep", "600").options("--timeout", "20s", "--share", share.toString())
                .in(share).start()) {
            assertTrue(GuestRun.awaitProcess(qemuOfThisRun, Duration.ofSeconds(60)), "qemu of this run never appeared: "
                    + running.stderrSoFar());
            GuestRun.Result r = running.await();

            assertEquals(124, r.exitCode(), r.describe());
            assertTrue(r.stderr().contains("did not finish within 20s") && r.stderr().contains("--timeout"), r.describe());
            assertEquals(1, r.stderr().strip().lines().filter(l -> l.contains("frameloop vm")).count(), r.describe());
        }
        assertEquals(List.of(), GuestRun.processesMatching(qemuOfThisRun));
    }

    @Test
    void shouldStopTheGuestWhenFrameloopIsInterrupted() throws Exception {
        String marker = "fl-sigint-" + UUID.randomUUID();
        Path share = Files.createDirectories(tmp.resolve(marker));
        String qemuOfThisRun = "qemu-system.*" + marker;

        try (GuestRun.Running running = GuestRun.vm("sleep", "600").options("--share", share.toString()).in(share).start()) {
            assertTrue(GuestRun.awaitProcess(qemuOfThisRun, Duration.ofSeconds(60)), running.stderrSoFar());
            Path controlFolder = controlFolderOf(GuestRun.processesMatching(qemuOfThisRun).get(0));
            assertTrue(Files.isDirectory(controlFolder), controlFolder.toString());
            running.signalFrameloop("INT");
            GuestRun.Result r = running.await();

            assertEquals(130, r.exitCode(), r.describe());
            assertTrue(r.stderr().contains("interrupted"), r.describe());
            assertTrue(!Files.exists(controlFolder), controlFolder + " is left behind");
        }
        assertEquals(List.of(), GuestRun.processesMatching(qemuOfThisRun));
    }

    /** The run's control folder, from the {@code -virtfs} option qemu was started with. */
    private static Path controlFolderOf(long qemuPid) throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("path=(\\S*frameloop-vm-\\d+),").matcher(GuestRun.commandLine(qemuPid));
        assertTrue(m.find(), "no control folder in qemu's command line: " + GuestRun.commandLine(qemuPid));
        return Path.of(m.group(1));
    }

    @Test
    void shouldLeaveNoQemuWhenFrameloopIsKilled() throws Exception {
        String marker = "fl-sigkill-" + UUID.randomUUID();
        Path share = Files.createDirectories(tmp.resolve(marker));
        String qemuOfThisRun = "qemu-system.*" + marker;

        try (GuestRun.Running running = GuestRun.vm("sleep", "600").options("--share", share.toString()).in(share).start()) {
            assertTrue(GuestRun.awaitProcess(qemuOfThisRun, Duration.ofSeconds(60)), running.stderrSoFar());
            running.signalFrameloop("KILL");
            GuestRun.Result r = running.await();

            assertNotEquals(0, r.exitCode(), r.describe());
        }
        Thread.sleep(1000);
        assertEquals(List.of(), GuestRun.processesMatching(qemuOfThisRun));
    }

    @Test
    void shouldReportAGuestKernelPanic() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c", "echo c > /proc/sysrq-trigger").run();

        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("the guest kernel panicked: Kernel panic - not syncing"), r.describe());
    }
}
