package dev.frameloop.ml.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Jupyter kernelspec ({@code kernels/<name>/kernel.json}) that starts the frameloop kernel
 * with the Java running now and the jar (or class path) these classes come from.
 */
public record KernelSpec(String name, String displayName, List<String> argv) {
    public static final String DEFAULT_NAME = NotebookKernel.NAME;
    public static final String DEFAULT_DISPLAY_NAME = "Java (frameloop)";
    /** Jupyter's placeholder for the connection file in {@code argv}. */
    public static final String CONNECTION_FILE = "{connection_file}";
    static final String MAIN_CLASS = "dev.frameloop.ml.cli.FrameloopMain";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public KernelSpec {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("kernel name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (argv.isEmpty() || !argv.contains(CONNECTION_FILE)) {
            throw new IllegalArgumentException("argv must pass " + CONNECTION_FILE + " to the kernel: " + argv);
        }
        argv = List.copyOf(argv);
    }

    /** The spec that starts this build's kernel: {@code java -jar frameloop.jar notebook kernel {connection_file}}. */
    public static KernelSpec forThisBuild(String name) {
        return forCode(name, Path.of(System.getProperty("java.home"), "bin", "java"),
                KernelClassPath.codeSource().orElseThrow(() -> new IllegalStateException("kernel classes have no code source")),
                KernelClassPath.current());
    }

    /**
     * The spec that starts the kernel from {@code codeSource}: with {@code -jar} when it is a jar,
     * otherwise (tests, IDEs) with {@code -cp classPath} and the CLI's main class.
     */
    static KernelSpec forCode(String name, Path javaExecutable, Path codeSource, List<Path> classPath) {
        List<String> argv = new ArrayList<>();
        argv.add(javaExecutable.toAbsolutePath().toString());
        argv.add("-Djava.awt.headless=true");
        if (Files.isRegularFile(codeSource) && codeSource.toString().endsWith(".jar")) {
            argv.add("-jar");
            argv.add(codeSource.toAbsolutePath().toString());
        } else {
            argv.add("-cp");
            argv.add(String.join(File.pathSeparator, classPath.stream().map(p -> p.toAbsolutePath().toString()).toList()));
            argv.add(MAIN_CLASS);
        }
        argv.addAll(List.of("notebook", "kernel", CONNECTION_FILE));
        return new KernelSpec(name, DEFAULT_DISPLAY_NAME, argv);
    }

    public KernelSpec withDisplayName(String displayName) {
        return new KernelSpec(name, displayName, argv);
    }

    /** The {@code kernel.json} content. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", displayName);
        json.put("language", "java");
        // interrupts arrive as messages: a SIGINT would end the JVM
        json.put("interrupt_mode", "message");
        json.put("metadata", Map.of("debugger", false));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write kernel.json", e);
        }
    }

    /**
     * The argv of an installed {@code kernel.json}; empty when the file cannot be read or holds
     * none, which to a caller comparing specs means "not the spec I would write".
     */
    public static Optional<List<String>> readArgv(Path kernelJson) {
        try {
            Map<?, ?> json = new ObjectMapper().readValue(kernelJson.toFile(), Map.class);
            if (json.get("argv") instanceof List<?> list) {
                return Optional.of(list.stream().map(String::valueOf).toList());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
