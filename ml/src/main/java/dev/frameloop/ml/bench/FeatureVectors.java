package dev.frameloop.ml.bench;

import dev.frameloop.ml.features.Feature;
import dev.frameloop.ml.train.LoadedModel;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Feature vectors shaped like the live loop's rows ({@code double[]} in feature-set order), drawn
 * from what the model saw in training: each value a sample of that feature's training range
 * ({@link VariableInfo#uniformSample}), 0 for a feature the training rows never had. Seeded, so two
 * runs predict on the same vectors.
 */
final class FeatureVectors {
    private final double[][] vectors;

    FeatureVectors(LoadedModel model, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one vector, got " + count);
        }
        List<Feature> features = model.task().features();
        ImmutableFeatureMap seen = model.model().getFeatureIDMap();
        SplittableRandom random = new SplittableRandom(seed);
        vectors = new double[count][features.size()];
        for (double[] vector : vectors) {
            for (int i = 0; i < vector.length; i++) {
                VariableInfo info = seen.get(features.get(i).name());
                vector[i] = info == null ? 0.0 : info.uniformSample(random);
            }
        }
    }

    /** Vector {@code i}, cycling through the pool. */
    double[] get(int i) {
        return vectors[i % vectors.length];
    }

    int size() {
        return vectors.length;
    }
}
