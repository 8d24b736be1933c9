package dev.frameloop.ml.loop;

import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.ml.features.FeatureSet;
import dev.frameloop.ml.train.LoadedModel;
import dev.frameloop.ml.train.ModelStore;
import dev.frameloop.ml.train.Task;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A thread-role model folder made by {@code frameloop train --task thread-role}: the Tribuo model
 * from its protobuf file, its card checked by {@link ModelStore#load} (task, feature-set version,
 * feature names). Confidence is the predicted label's score (a probability for the probabilistic
 * trainers; 1 for those that give none).
 */
public final class TribuoRoleModel implements RoleModel {
    private static final String[] NAMES = FeatureSet.names(FeatureSet.THREAD_ROLE);

    private final LoadedModel loaded;
    private final Model<Label> model;

    private TribuoRoleModel(LoadedModel loaded) {
        this.loaded = loaded;
        this.model = loaded.model();
    }

    /**
     * Reads a thread-role model folder.
     *
     * @throws dev.frameloop.ml.train.ModelFolderException if it is not one, was trained on another
     *     feature-set version or for another task
     */
    public static TribuoRoleModel load(Path dir) {
        return new TribuoRoleModel(ModelStore.load(dir, Task.THREAD_ROLE));
    }

    /**
     * A thread-role model already in memory (e.g. trained by a benchmark).
     *
     * @throws IllegalArgumentException if it answers another task
     */
    public static TribuoRoleModel of(LoadedModel loaded) {
        if (loaded.task() != Task.THREAD_ROLE) {
            throw new IllegalArgumentException("a role model answers " + Task.THREAD_ROLE.cliName() + ", not "
                    + loaded.task().cliName());
        }
        return new TribuoRoleModel(loaded);
    }

    /** The folder and card read. */
    public LoadedModel loaded() {
        return loaded;
    }

    @Override
    public RolePrediction predict(double[] features) {
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, features));
        Label label = prediction.getOutput();
        double confidence = prediction.hasProbabilities() ? label.getScore() : 1.0;
        return new RolePrediction(role(label.getLabel()), confidence);
    }

    private static ThreadClass role(String label) {
        try {
            return ThreadClass.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ThreadClass.UNKNOWN;
        }
    }
}
