package dev.frameloop.ml.loop;

/** A thread-role model: features of one window in {@code FeatureSet.THREAD_ROLE} order → a role. */
@FunctionalInterface
public interface RoleModel {
    /** Predicts one window; may throw or return nonsense (the {@link SafePredictor} guards against both). */
    RolePrediction predict(double[] features);
}
