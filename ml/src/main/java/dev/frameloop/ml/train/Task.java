package dev.frameloop.ml.train;

import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.ml.features.Feature;
import dev.frameloop.ml.features.FeatureInputException;
import dev.frameloop.ml.features.FeatureSet;
import dev.frameloop.ml.features.FeatureTables;
import dev.frameloop.ml.features.RoleRules;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a model learns: the role of a thread, or whether the next frame misses its deadline. */
public enum Task {
    /** Role of a thread over a window: INPUT, RENDER, AUDIO, COMPOSITOR, GAME, BACKGROUND. */
    THREAD_ROLE("thread-role", FeatureSet.THREAD_ROLE, "label", null),
    /** Whether a process's next frame misses its deadline: {@code miss} or {@code ok}. */
    FRAME_MISS("frame-miss", FeatureSet.FRAME, "next_miss", FeatureTables.MISS);

    private final String cliName;
    private final List<Feature> features;
    private final String labelColumn;
    private final String positiveLabel;
    private final String[] featureNames;

    Task(String cliName, List<Feature> features, String labelColumn, String positiveLabel) {
        this.cliName = cliName;
        this.features = features;
        this.labelColumn = labelColumn;
        this.positiveLabel = positiveLabel;
        this.featureNames = FeatureSet.names(features);
    }

    /**
     * Feature values in {@link #features()} order as a Tribuo example: the one way training,
     * evaluation and the live loop build an example.
     */
    public Example<Label> example(Label label, double[] values) {
        if (values.length != featureNames.length) {
            throw new IllegalArgumentException(cliName + " has " + featureNames.length + " features, got "
                    + values.length + " values");
        }
        return new ArrayExample<>(label, featureNames, values);
    }

    /** The name on the command line and in model cards. */
    public String cliName() {
        return cliName;
    }

    /** The features, in vector order. */
    public List<Feature> features() {
        return features;
    }

    /** The table column holding the label. */
    public String labelColumn() {
        return labelColumn;
    }

    /** For a binary task, the label whose probability ROC/PR curves and calibration are about. */
    public Optional<String> positiveLabel() {
        return Optional.ofNullable(positiveLabel);
    }

    /** The task of a command-line or card name. */
    public static Task fromName(String name) {
        for (Task task : values()) {
            if (task.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "' (known: thread-role, frame-miss)");
    }

    /**
     * The labelled rows of one session for this task.
     *
     * @throws FeatureInputException if the session has none
     */
    public Table labelledRows(SessionReader session, RoleRules rules) throws IOException {
        Table table = this == THREAD_ROLE ? FeatureTables.threadRoles(session, rules) : FeatureTables.frames(session);
        Table labelled = table.where(table.stringColumn(labelColumn).isNotEqualTo(""));
        if (labelled.rowCount() == 0) {
            throw new FeatureInputException(this == THREAD_ROLE
                    ? "session " + session.id() + " has no thread a role rule names (" + table.rowCount()
                            + " thread windows, comms such as sg-render, sg-input, stress-ng…); record a workload with"
                            + " known thread roles or leave the session out"
                    : "session " + session.id() + " has no frame with " + FeatureSet.FRAME_HISTORY
                            + " intervals of history and a successor; record a presenting workload for longer or leave"
                            + " the session out");
        }
        return labelled;
    }

    /** The scheduler's own answer for row {@code row} of a labelled table: the heuristic baseline. */
    String heuristicLabel(Table table, int row) {
        if (this == THREAD_ROLE) {
            return table.stringColumn("heuristic").get(row);
        }
        return table.booleanColumn("missed").get(row) ? FeatureTables.MISS : FeatureTables.OK;
    }

    /** The heuristic's score for the positive label (binary tasks): share of recent frames that missed. */
    double heuristicScore(Table table, int row) {
        return table.doubleColumn("recent_misses").getDouble(row) / FeatureSet.FRAME_HISTORY;
    }

    /** What the heuristic baseline is, for reports. */
    String heuristicDescription() {
        return this == THREAD_ROLE
                ? "the scheduler's own class of the thread (thread_class events, else task_stats)"
                : "persistence: the next frame misses when this one did (score: share of the last "
                        + FeatureSet.FRAME_HISTORY + " frames that missed)";
    }
}
