package dev.frameloop.ml.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One condition an experiment compares: the kernel's default scheduler, the gamer scheduler with its own
 * heuristics, or the gamer scheduler driven by a model's policy (from a model folder).
 */
public record Arm(Kind kind, Optional<Path> modelDir) {
    /** The arms there are, by their names in {@code --arms}. */
    public enum Kind {
        DEFAULT("default"),
        GAMER("gamer"),
        GAMER_MODEL("gamer+model");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public Arm {
        if (modelDir.isPresent() && kind != Kind.GAMER_MODEL) {
            throw new IllegalArgumentException("only the gamer+model arm takes a model folder");
        }
    }

    /** The arm's name in reports and folder names, e.g. {@code gamer+model}. */
    public String name() {
        return kind.key();
    }

    /** Parses {@code default,gamer,gamer+model[=DIR]}; each arm at most once, at least one. */
    public static List<Arm> parseList(String text) {
        List<Arm> arms = new ArrayList<>();
        Set<Kind> seen = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq);
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.key.equals(key)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("arm '" + p + "' is unknown; arms: default, gamer, gamer+model=MODEL_DIR");
            }
            if (!seen.add(kind)) {
                throw new IllegalArgumentException("arm " + key + " is given twice");
            }
            if (eq >= 0 && kind != Kind.GAMER_MODEL) {
                throw new IllegalArgumentException("arm " + key + " takes no '=' value");
            }
            Optional<Path> model = eq < 0 || p.substring(eq + 1).isBlank() ? Optional.empty() : Optional.of(Path.of(p.substring(eq + 1)));
            arms.add(new Arm(kind, model));
        }
        return List.copyOf(arms);
    }

    @Override
    public String toString() {
        return name() + modelDir.map(d -> "=" + d).orElse("");
    }
}
