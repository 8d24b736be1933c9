package dev.frameloop.collector.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The frameloop checkout this code runs from: the {@code frameloop.root} system property, else the
 * folder above {@code ml/target/frameloop.jar} (or above a module's {@code target/classes}) when it
 * holds the parent pom.
 */
public final class CheckoutRoot {
    private CheckoutRoot() {
    }

    public static Optional<Path> find() {
        String property = System.getProperty("frameloop.root");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        try {
            CodeSource source = CheckoutRoot.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path code = Path.of(source.getLocation().toURI()).toAbsolutePath();
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("bpf"))
                        && Files.isDirectory(p.resolve("collector"))) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
