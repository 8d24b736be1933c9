package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vm command as the CLI root wires it: listed, documented, and with usage errors mapped to exit 2. */
class FrameloopMainVmTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldListTheVmCommand() {
        assertEquals(0, execute("--help"));
        assertTrue(out.toString().lines().anyMatch(l -> l.strip().startsWith("vm ")), out.toString());
    }

    @Test
    void shouldDocumentOptionsDefaultsAndKernelResolutionInHelp() {
        assertEquals(0, execute("vm", "--help"));
        String help = out.toString();
        for (String expected : new String[] {"--kernel=DIR", "--cpus=N", "default: 2", "--mem=SIZE", "default: 2G",
                "--timeout=D", "default: 10m", "--tcg-threads=MODE", "default: single", "--share=DIR", "FRAMELOOP_KERNEL", "linux-image-amd64", "124"}) {
            assertTrue(help.contains(expected), "help lacks '" + expected + "':\n" + help);
        }
    }

    @Test
    void shouldRejectOutOfRangeOptionsBeforeBootingAnything() {
        assertEquals(ExitCodes.USAGE, execute("vm", "--cpus", "0", "--", "true"));
        assertTrue(err.toString().contains("--cpus must be between 1 and 64, got 0"), err.toString());

        assertEquals(ExitCodes.USAGE, execute("vm", "--mem", "128M", "--", "true"));
        assertTrue(err.toString().contains("--mem must be at least 256M"), err.toString());

        assertEquals(ExitCodes.USAGE, execute("vm", "--timeout", "0s", "--", "true"));
        assertTrue(err.toString().contains("--timeout must be longer than 0"), err.toString());
    }

    @Test
    void shouldRejectAMissingCommandAndBadValuesAsUsageErrors() {
        assertEquals(ExitCodes.USAGE, execute("vm"));
        assertTrue(err.toString().contains("CMD"), err.toString());

        assertEquals(ExitCodes.USAGE, execute("vm", "--timeout", "forever", "--", "true"));
        assertTrue(err.toString().contains("invalid duration 'forever'"), err.toString());
    }
}
