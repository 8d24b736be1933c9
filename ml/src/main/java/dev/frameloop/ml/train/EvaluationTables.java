package dev.frameloop.ml.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

/**
 * The evaluation that {@link Training} and {@link Evaluation} produce, as Tablesaw tables for
 * notebooks: a confusion matrix, and the model's scores next to its baselines'.
 */
public final class EvaluationTables {
    private static final String[] SCORERS = {"model", "majority", "heuristic"};

    private EvaluationTables() {
    }

    /**
     * The confusion matrix of one scorer of an evaluation ({@code model}, {@code majority} or
     * {@code heuristic}): a row per true class, a column per predicted class.
     */
    @SuppressWarnings("unchecked")
    public static Table confusion(Map<String, Object> evaluation, String scorer) {
        Map<String, Object> confusion = (Map<String, Object>) reportOf(evaluation, scorer).get("confusion");
        List<String> classes = (List<String>) confusion.get("classes");
        List<List<Long>> matrix = (List<List<Long>>) confusion.get("matrix");
        Table table = Table.create(scorer + ": rows are the true class, columns the predicted",
                StringColumn.create("true \\ predicted", classes));
        for (int predicted = 0; predicted < classes.size(); predicted++) {
            IntColumn column = IntColumn.create(classes.get(predicted));
            for (List<Long> row : matrix) {
                column.append(Math.toIntExact(row.get(predicted)));
            }
            table.addColumns(column);
        }
        return table;
    }

    /** One row per scorer (model, majority, heuristic): accuracy and macro-F1 with their 95 % intervals. */
    public static Table scores(Map<String, Object> evaluation) {
        StringColumn scorer = StringColumn.create("scorer");
        IntColumn rows = IntColumn.create("rows");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        StringColumn accuracyCi = StringColumn.create("accuracy 95% CI");
        DoubleColumn f1 = DoubleColumn.create("macro F1");
        StringColumn f1Ci = StringColumn.create("macro F1 95% CI");
        for (String name : SCORERS) {
            Map<String, Object> report = reportOf(evaluation, name);
            scorer.append(name);
            rows.append(((Number) report.get("rows")).intValue());
            accuracy.append(value(report.get("accuracy")));
            accuracyCi.append(interval(report.get("accuracy")));
            f1.append(value(report.get("macro_f1")));
            f1Ci.append(interval(report.get("macro_f1")));
        }
        return Table.create("held-out scores: model and baselines", scorer, rows, accuracy, accuracyCi, f1, f1Ci);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reportOf(Map<String, Object> evaluation, String scorer) {
        Object report = scorer.equals("model") ? evaluation.get("model")
                : ((Map<String, Object>) evaluation.get("baselines")).get(scorer);
        if (report == null) {
            throw new IllegalArgumentException("the evaluation has no " + scorer + " report (known: model, majority,"
                    + " heuristic)");
        }
        return (Map<String, Object>) report;
    }

    @SuppressWarnings("unchecked")
    private static double value(Object metric) {
        Object v = ((Map<String, Object>) metric).get("value");
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static String interval(Object metric) {
        List<Double> ci = (List<Double>) ((Map<String, Object>) metric).get("ci95");
        return ci == null ? "n/a" : "[" + ci.get(0) + ", " + ci.get(1) + "]";
    }
}
