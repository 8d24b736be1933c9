package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The script is decoded by a real shell here, as the guest's /bin/sh decodes it. */
class GuestCommandTest {
    static final List<String> HOSTILE = List.of(
            "plain", "", " ", "two words", "it's", "'", "''", "'\\''", "\"double\"", "$HOME", "${PATH}", "`id`", "$(id)",
            "back\\slash", "\\", "line\none", "trailing newline\n", "\n", "tab\there", "*", "?", "[a]", "~", "-n", "--",
            "-e", "a;b", "a|b", "a&b", "a>b", "<", "#comment", "!", "%s", "ünïcödé ✓", "\r", "x=y");

    @TempDir
    Path tmp;

    private Path sh() {
        return ModuleDecompressorTest.require(Optional.of(Path.of("/bin/sh")).filter(Files::isExecutable), "/bin/sh");
    }

    private HostTool.Result run(GuestCommand command) throws IOException {
        Path script = tmp.resolve("command.sh");
        Files.writeString(script, command.script());
        return HostTool.run(List.of("/usr/bin/env", "-i", sh().toString(), script.toString()), tmp, Duration.ofMinutes(1));
    }

    @Test
    void shouldPassHostileArgumentsThroughUnchanged() throws IOException {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HOSTILE);

        HostTool.Result result = run(new GuestCommand(argv, tmp.toString(), Map.of()));

        assertEquals(0, result.exitCode(), result.stderr());
        String out = result.stdoutText();
        assertEquals(HOSTILE, Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1)));
    }

    @Test
    void shouldRunInTheWorkingDirectoryEvenWithAnAwkwardName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("it's a \"dir\"\nwith $(newline)"));

        HostTool.Result result = run(new GuestCommand(List.of("pwd"), dir.toString(), Map.of()));

        assertEquals(dir + "\n", result.stdoutText());
    }

    @Test
    void shouldSetExactlyTheGivenEnvironment() throws IOException {
        String value = String.join("|", HOSTILE);
        Map<String, String> env = Map.of("FRAMELOOP_X", value, "PATH", GuestEnvironment.PATH);

        HostTool.Result result = run(new GuestCommand(List.of("env", "-0"), tmp.toString(), env));

        Map<String, String> seen = new java.util.TreeMap<>();
        for (String entry : result.stdoutText().split("\0")) {
            int eq = entry.indexOf('=');
            seen.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        seen.keySet().removeAll(List.of("PWD", "OLDPWD", "SHLVL", "_"));
        assertEquals(new java.util.TreeMap<>(env), seen);
    }

    @Test
    void shouldExitWith125AndSayWhyWhenTheWorkingDirectoryIsMissing() throws IOException {
        HostTool.Result result = run(new GuestCommand(List.of("true"), tmp.resolve("gone").toString(), Map.of()));

        assertEquals(GuestCommand.CANNOT_ENTER_DIRECTORY, result.exitCode());
        assertTrue(result.stderr().contains("cannot enter the working directory " + tmp.resolve("gone")), result.stderr());
    }

    @Test
    void shouldReportTheCommandsOwnExitStatus() throws IOException {
        assertEquals(7, run(new GuestCommand(List.of("sh", "-c", "exit 7"), tmp.toString(), Map.of())).exitCode());
        assertEquals(127, run(new GuestCommand(List.of("no-such-command-frameloop"), tmp.toString(), Map.of())).exitCode());
    }

    @Test
    void shouldRejectWhatCannotBePassed() {
        assertThrows(IllegalArgumentException.class, () -> new GuestCommand(List.of(), "/", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new GuestCommand(List.of("true"), "relative", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new GuestCommand(List.of("true"), "/", Map.of("A-B", "x")));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> new GuestCommand(List.of("a\0b"), "/", Map.of()).script());
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
    }

    @Test
    void shouldQuoteWithSingleQuotesOnly() {
        assertEquals("'it'\\''s'", ShellQuoting.quote("it's"));
        assertEquals("''", ShellQuoting.quote(""));
        assertEquals("'$x \"y\"'", ShellQuoting.quote("$x \"y\""));
    }
}
