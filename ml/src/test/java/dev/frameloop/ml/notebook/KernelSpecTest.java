package dev.frameloop.ml.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecTest {
    private static final Path JAVA = Path.of("/usr/lib/jvm/java-17/bin/java");

    @Test
    void shouldStartTheJarWithTheConnectionFile(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("frameloop.jar"));
        KernelSpec spec = KernelSpec.forCode("frameloop-java", JAVA, jar, List.of(jar));
        JsonNode json = new ObjectMapper().readTree(spec.toJson());
        assertEquals(List.of(JAVA.toString(), "-Djava.awt.headless=true", "-jar", jar.toAbsolutePath().toString(),
                "notebook", "kernel", "{connection_file}"), strings(json.get("argv")));
        assertEquals("Java (frameloop)", json.get("display_name").asText());
        assertEquals("java", json.get("language").asText());
        assertEquals("message", json.get("interrupt_mode").asText());
    }

    @Test
    void shouldStartTheMainClassFromClassDirectories(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lib = Files.createFile(dir.resolve("lib.jar"));
        KernelSpec spec = KernelSpec.forCode("k", JAVA, classes, List.of(classes, lib));
        assertEquals(List.of(JAVA.toString(), "-Djava.awt.headless=true", "-cp", classes + ":" + lib,
                "dev.frameloop.ml.cli.FrameloopMain", "notebook", "kernel", "{connection_file}"), spec.argv());
    }

    @Test
    void shouldRefuseANameJupyterWouldNotAccept() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new KernelSpec("frame loop/java", "x", List.of("java", "{connection_file}")));
        assertTrue(e.getMessage().contains("kernel name"), e.getMessage());
    }

    @Test
    void shouldWriteTheSpecIntoThePrefixWhenJupyterIsAbsent(@TempDir Path dir) throws Exception {
        KernelSpec spec = new KernelSpec("fl-test", "FL", List.of("java", "-jar", "/x/frameloop.jar", "notebook", "kernel", "{connection_file}"));
        Path installed = new KernelSpecInstaller(Map.of("HOME", dir.toString()), Optional.empty())
                .install(spec, Optional.of(dir.resolve("prefix")));
        assertEquals(dir.resolve("prefix/share/jupyter/kernels/fl-test"), installed);
        assertEquals(Optional.of(spec.argv()), KernelSpec.readArgv(installed.resolve("kernel.json")));
    }

    @Test
    void shouldWriteTheSpecIntoTheUsersDataDirWhenJupyterIsAbsent(@TempDir Path dir) throws Exception {
        KernelSpec spec = new KernelSpec("fl-user", "FL", List.of("java", "{connection_file}"));
        Path installed = new KernelSpecInstaller(Map.of("HOME", dir.toString()), Optional.empty()).install(spec, Optional.empty());
        assertEquals(dir.resolve(".local/share/jupyter/kernels/fl-user"), installed);
        assertEquals(Optional.of(installed.resolve("kernel.json")),
                new JupyterPaths(Map.of("HOME", dir.toString())).installedKernelJson("fl-user"));
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
