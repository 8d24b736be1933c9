package dev.frameloop.ml.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** {@code frameloop sched} on this machine's kernel, which (on the build machines) has no sched_ext. */
class SchedHostTest {

    @Test
    void shouldExitUnavailableAndPointToTheVmOnAKernelWithoutSchedExt() {
        assumeFalse(Files.exists(Path.of("/sys/kernel/sched_ext")),
                "this kernel has sched_ext: running gamer on it is SchedulerVmIT's job, not a host test's");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("sched", "--duration", "5s");

        assertEquals(3, code, err.toString());
        assertEquals("frameloop sched: this kernel has no sched_ext (CONFIG_SCHED_CLASS_EXT); run it in the VM:"
                + " bin/frameloop vm -- bin/frameloop sched --duration 5s", err.toString().strip());
        assertEquals("", out.toString());
    }
}
