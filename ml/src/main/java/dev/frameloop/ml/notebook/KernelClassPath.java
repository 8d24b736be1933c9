package dev.frameloop.ml.notebook;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where this JVM's frameloop classes come from: {@code frameloop.jar} when run with
 * {@code -jar}, or the build's class directories and dependency jars in tests.
 */
public final class KernelClassPath {
    private KernelClassPath() {
    }

    /** The code source of the kernel classes first, then every {@code java.class.path} entry, absolute. */
    public static List<Path> current() {
        Set<Path> entries = new LinkedHashSet<>();
        codeSource().ifPresent(entries::add);
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank() && Files.exists(Path.of(e))) {
                entries.add(Path.of(e).toAbsolutePath().normalize());
            }
        }
        return new ArrayList<>(entries);
    }

    /** The jar or class directory the kernel's classes were loaded from. */
    public static Optional<Path> codeSource() {
        CodeSource source = KernelClassPath.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot tell where the kernel classes live: " + source.getLocation(), e);
        }
    }
}
