package dev.frameloop.collector.vm;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the VM runner reads from its surroundings: environment variables and system properties.
 * Injected so that tests can describe a machine without mutating the real environment.
 */
public interface Environment {

    /** All environment variables. */
    Map<String, String> variables();

    /** A system property, empty when unset. */
    Optional<String> property(String name);

    /** An environment variable, empty when unset or blank. */
    default Optional<String> variable(String name) {
        return Optional.ofNullable(variables().get(name)).filter(v -> !v.isBlank());
    }

    /** The caller's working directory ({@code user.dir}). */
    default Path workingDirectory() {
        return Path.of(property("user.dir").orElseThrow(() -> new IllegalStateException("user.dir is not set")));
    }

    /** frameloop's cache folder: {@code $XDG_CACHE_HOME/frameloop}, else {@code ~/.cache/frameloop}. */
    default Path cacheDirectory() {
        Optional<Path> xdg = variable("XDG_CACHE_HOME").map(Path::of).filter(Path::isAbsolute);
        Path base = xdg.orElseGet(() -> Path.of(property("user.home")
                .orElseThrow(() -> new IllegalStateException("user.home is not set")), ".cache"));
        return base.resolve("frameloop");
    }

    /** The real process environment and system properties. */
    static Environment system() {
        return of(System.getenv(), System.getProperties());
    }

    /** A fixed environment, e.g. for tests. */
    static Environment of(Map<String, String> variables, Map<?, ?> properties) {
        Map<String, String> vars = Map.copyOf(variables);
        return new Environment() {
            @Override
            public Map<String, String> variables() {
                return vars;
            }

            @Override
            public Optional<String> property(String name) {
                Object value = properties.get(name);
                return value == null ? Optional.empty() : Optional.of(value.toString());
            }
        };
    }
}
