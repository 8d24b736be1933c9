package dev.frameloop.ml.train;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The model families {@code frameloop train} offers, with their fixed hyper-parameters. */
public enum TrainerKind {
    /** Multinomial logistic regression by SGD (AdaGrad). */
    LOGISTIC(true, true, "linear SGD, log loss, AdaGrad(lr=0.1, eps=0.1), 20 epochs, minibatch 1"),
    /** Factorization machine by SGD. */
    FM(true, true, "factorization machine, log loss, AdaGrad(lr=0.1, eps=0.1), 20 epochs, minibatch 1, 4 factors,"
            + " init variance 0.1"),
    /** One CART tree. */
    CART(false, true, "CART, Gini, max depth 8, min child weight 5, all features per split"),
    /** Random forest of CART trees. */
    FOREST(false, true, "50 CART trees (Gini, max depth 10, min child weight 5, half the features per split),"
            + " bagged, probabilities averaged"),
    /** Gradient-boosted trees (XGBoost). */
    XGBOOST(false, false, "XGBoost gbtree, 50 trees, eta 0.3, max depth 6, min child weight 1, lambda 1,"
            + " one thread");

    private static final int LOG_NEVER = Integer.MAX_VALUE;

    private final boolean onnxExportable;
    private final boolean liveSuitable;
    private final String description;

    TrainerKind(boolean onnxExportable, boolean liveSuitable, String description) {
        this.onnxExportable = onnxExportable;
        this.liveSuitable = liveSuitable;
        this.description = description;
    }

    /** The name on the command line and in model cards. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether Tribuo 4.3 can export this family to ONNX. */
    public boolean onnxExportable() {
        return onnxExportable;
    }

    /** Why there is (or is not) an ONNX file, for the card. */
    public String onnxNote() {
        return onnxExportable ? "exported by Tribuo (ONNXExportable)"
                : "not exported: Tribuo 4.3 exports linear SGD, FM, LibLinear, LibSVM and their ensembles, not trees"
                        + " or XGBoost";
    }

    /** Whether a single prediction is cheap enough for the live loop. */
    public boolean liveSuitable() {
        return liveSuitable;
    }

    /** The hyper-parameters, in words. */
    public String description() {
        return description;
    }

    /** The hyper-parameters, as card fields. */
    public Map<String, Object> hyperParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        switch (this) {
            case LOGISTIC, FM -> {
                p.put("objective", "LogMulticlass");
                p.put("optimiser", "AdaGrad");
                p.put("learning_rate", 0.1);
                p.put("epsilon", 0.1);
                p.put("epochs", 20);
                p.put("minibatch", 1);
                if (this == FM) {
                    p.put("factorized_dim", 4);
                    p.put("variance", 0.1);
                }
            }
            case CART -> {
                p.put("impurity", "gini");
                p.put("max_depth", 8);
                p.put("min_child_weight", 5);
                p.put("fraction_features_in_split", 1.0);
            }
            case FOREST -> {
                p.put("trees", 50);
                p.put("impurity", "gini");
                p.put("max_depth", 10);
                p.put("min_child_weight", 5);
                p.put("fraction_features_in_split", 0.5);
                p.put("combiner", "FullyWeightedVotingCombiner");
            }
            case XGBOOST -> {
                p.put("trees", 50);
                p.put("eta", 0.3);
                p.put("gamma", 0.0);
                p.put("max_depth", 6);
                p.put("min_child_weight", 1.0);
                p.put("subsample", 1.0);
                p.put("feature_subsample", 1.0);
                p.put("lambda", 1.0);
                p.put("alpha", 0.0);
                p.put("threads", 1);
            }
            default -> throw new IllegalStateException(name());
        }
        return p;
    }

    /** A new Tribuo trainer of this family, seeded. */
    public Trainer<Label> create(long seed) {
        return switch (this) {
            case LOGISTIC -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 20, LOG_NEVER, 1, seed);
            case FM -> new FMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 20, LOG_NEVER, 1, seed,
                    4, 0.1);
            case CART -> new CARTClassificationTrainer(8, 5f, 0f, 1f, false, new GiniIndex(), seed);
            case FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(10, 5f, 0f, 0.5f, false, new GiniIndex(), seed),
                    new FullyWeightedVotingCombiner(), 50, seed);
            case XGBOOST -> new XGBoostClassificationTrainer(50, 0.3, 0.0, 6, 1.0, 1.0, 1.0, 1.0, 0.0, 1, true, seed);
        };
    }

    /** The family of a command-line or card name. */
    public static TrainerKind fromName(String name) {
        for (TrainerKind kind : values()) {
            if (kind.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown trainer '" + name + "' (known: logistic, fm, cart, forest, xgboost)");
    }
}
