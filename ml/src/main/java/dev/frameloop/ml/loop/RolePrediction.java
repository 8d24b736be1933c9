package dev.frameloop.ml.loop;

import dev.frameloop.core.event.ThreadClass;

import java.util.Objects;

/**
 * A model's answer for one thread window.
 *
 * @param role       the most likely role
 * @param confidence its probability (0..1); NaN or out of range when the model misbehaves
 */
public record RolePrediction(ThreadClass role, double confidence) {
    public RolePrediction {
        Objects.requireNonNull(role, "role");
    }

    /** Whether the confidence is a probability at all. */
    public boolean isValid() {
        return role != ThreadClass.UNKNOWN && Double.isFinite(confidence) && confidence >= 0.0 && confidence <= 1.0;
    }
}
