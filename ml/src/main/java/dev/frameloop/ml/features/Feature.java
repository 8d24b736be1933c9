package dev.frameloop.ml.features;

import java.util.Objects;

/**
 * One column of a feature set: its name (the Tribuo feature name and the table column), its unit
 * and how it is derived from events.
 *
 * @param name       column and Tribuo feature name, snake_case
 * @param unit       unit of the value as stored (after any log transform)
 * @param derivation how the value is computed, in one sentence
 */
public record Feature(String name, String unit, String derivation) {

    /** Checks the components. */
    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(derivation, "derivation");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("feature name must be snake_case, got '" + name + "'");
        }
    }
}
