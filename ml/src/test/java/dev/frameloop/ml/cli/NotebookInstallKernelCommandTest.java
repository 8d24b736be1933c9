package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookInstallKernelCommandTest {
    @Test
    void shouldInstallAKernelspecThatStartsThisBuildsKernel(@TempDir Path prefix) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("notebook", "install-kernel", "--prefix", prefix.toString(), "--name", "fl-install-test");

        assertEquals(0, code, err.toString());
        Path kernelJson = prefix.resolve("share/jupyter/kernels/fl-install-test/kernel.json");
        assertTrue(out.toString().contains("installed kernel 'fl-install-test'"), out.toString());
        JsonNode json = new ObjectMapper().readTree(kernelJson.toFile());
        List<String> argv = new ArrayList<>();
        json.get("argv").forEach(a -> argv.add(a.asText()));
        assertEquals(List.of("notebook", "kernel", "{connection_file}"), argv.subList(argv.size() - 3, argv.size()));
        assertTrue(Path.of(argv.get(0)).isAbsolute(), argv.get(0));
        assertEquals("java", json.get("language").asText());
    }

    @Test
    void shouldRefuseAKernelNameJupyterWouldNotAccept(@TempDir Path prefix) {
        StringWriter err = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("notebook", "install-kernel", "--prefix", prefix.toString(), "--name", "no spaces allowed");
        assertEquals(2, code);
        assertTrue(err.toString().contains("kernel name must be letters, digits"), err.toString());
    }
}
