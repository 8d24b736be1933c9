package dev.frameloop.ml.notebook;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Jupyter installation on {@code PATH}: the {@code jupyter} command and the Python that
 * runs it (whose modules, nbclient and nbformat, the headless runner uses).
 */
public record Jupyter(Path executable, Path python) {
    /** What to tell a user who has no Jupyter. */
    public static final String MISSING =
            "Jupyter is not installed: install Debian packages jupyter-nbconvert python3-nbclient (or run bin/setup)";

    /** Finds {@code jupyter} on the {@code PATH} of {@code env}, and its interpreter from its {@code #!} line. */
    public static Optional<Jupyter> find(Map<String, String> env) {
        Optional<Path> jupyter = onPath("jupyter", env);
        if (jupyter.isEmpty()) {
            return Optional.empty();
        }
        return interpreterOf(jupyter.get(), env).map(python -> new Jupyter(jupyter.get(), python));
    }

    /** An executable named {@code command} in a directory of the {@code PATH} of {@code env}. */
    public static Optional<Path> onPath(String command, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code #!/usr/bin/python3} gives that path; {@code #!/usr/bin/env python3} looks python3 up on PATH. */
    static Optional<Path> interpreterOf(Path script, Map<String, String> env) {
        String first;
        try (BufferedReader r = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            first = r.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
        if (first == null || !first.startsWith("#!")) {
            return Optional.empty();
        }
        String[] words = first.substring(2).trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return Optional.empty();
        }
        if (words[0].endsWith("/env")) {
            return words.length > 1 ? onPath(words[1], env) : Optional.empty();
        }
        Path interpreter = Path.of(words[0]);
        return Files.isExecutable(interpreter) ? Optional.of(interpreter) : Optional.empty();
    }
}
