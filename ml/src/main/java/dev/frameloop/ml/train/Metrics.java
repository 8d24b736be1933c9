package dev.frameloop.ml.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Classification metrics of {@link ScoredRows}, with 95 % confidence intervals from a bootstrap over
 * sessions (rows of one session move together: they are not independent). Macro-F1 averages over the
 * classes that occur in the truth. For a binary task: ROC-AUC (Mann-Whitney, ties count half),
 * PR-AUC (average precision), Brier score and calibration in ten equal-width bins with the expected
 * calibration error.
 */
public final class Metrics {
    /** Bootstrap resamples per interval. */
    public static final int RESAMPLES = 200;
    private static final int BINS = 10;

    private Metrics() {
    }

    /** The metrics as card fields; {@code positive} is the positive class of a binary task, or -1. */
    public static Map<String, Object> report(ScoredRows rows, int positive, long seed) {
        int[] all = new int[rows.size()];
        Arrays.setAll(all, i -> i);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows.size());
        m.put("sessions", Arrays.stream(rows.session()).distinct().count());
        List<double[]> samples = bootstrap(rows, positive, seed);
        m.put("accuracy", withInterval(accuracy(rows, all), samples, 0));
        m.put("macro_f1", withInterval(macroF1(rows, all), samples, 1));
        if (positive >= 0) {
            m.put("roc_auc", withInterval(rocAuc(rows, all, positive), samples, 2));
            m.put("pr_auc", withInterval(averagePrecision(rows, all, positive), samples, 3));
            m.put("brier", withInterval(brier(rows, all, positive), samples, 4));
            m.put("calibration", calibration(rows, positive));
        }
        m.put("per_class", perClass(rows, all));
        m.put("confusion", confusion(rows));
        return m;
    }

    static double accuracy(ScoredRows r, int[] rows) {
        int right = 0;
        for (int i : rows) {
            right += r.truth()[i] == r.predicted()[i] ? 1 : 0;
        }
        return rows.length == 0 ? Double.NaN : (double) right / rows.length;
    }

    static double macroF1(ScoredRows r, int[] rows) {
        int k = r.classes().size();
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        count(r, rows, tp, fp, fn);
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            if (tp[c] + fn[c] > 0) {
                sum += f1(tp[c], fp[c], fn[c]);
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    static double rocAuc(ScoredRows r, int[] rows, int positive) {
        double[] scores = new double[rows.length];
        boolean[] pos = new boolean[rows.length];
        long positives = 0;
        for (int j = 0; j < rows.length; j++) {
            scores[j] = r.scores()[rows[j]][positive];
            pos[j] = r.truth()[rows[j]] == positive;
            positives += pos[j] ? 1 : 0;
        }
        long negatives = rows.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[rows.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (pos[order[t]]) {
                    rankSumPositive += averageRank;
                }
            }
            i = j + 1;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static double averagePrecision(ScoredRows r, int[] rows, int positive) {
        Integer[] order = new Integer[rows.length];
        Arrays.setAll(order, i -> rows[i]);
        Arrays.sort(order, (a, b) -> Double.compare(r.scores()[b][positive], r.scores()[a][positive]));
        long positives = Arrays.stream(rows).filter(i -> r.truth()[i] == positive).count();
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        int seen = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long groupTp = 0;
            while (j < order.length && r.scores()[order[j]][positive] == r.scores()[order[i]][positive]) {
                groupTp += r.truth()[order[j]] == positive ? 1 : 0;
                j++;
            }
            seen += j - i;
            tp += groupTp;
            ap += (double) groupTp / positives * ((double) tp / seen);
            i = j;
        }
        return ap;
    }

    static double brier(ScoredRows r, int[] rows, int positive) {
        double sum = 0;
        for (int i : rows) {
            double p = r.scores()[i][positive];
            double y = r.truth()[i] == positive ? 1 : 0;
            sum += (p - y) * (p - y);
        }
        return rows.length == 0 ? Double.NaN : sum / rows.length;
    }

    private static Map<String, Object> calibration(ScoredRows r, int positive) {
        long[] count = new long[BINS];
        double[] predicted = new double[BINS];
        long[] observed = new long[BINS];
        for (int i = 0; i < r.size(); i++) {
            double p = Math.min(1.0, Math.max(0.0, r.scores()[i][positive]));
            int bin = Math.min(BINS - 1, (int) (p * BINS));
            count[bin]++;
            predicted[bin] += p;
            observed[bin] += r.truth()[i] == positive ? 1 : 0;
        }
        List<Map<String, Object>> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("from", b / (double) BINS);
            bin.put("to", (b + 1) / (double) BINS);
            bin.put("rows", count[b]);
            if (count[b] > 0) {
                double meanPredicted = predicted[b] / count[b];
                double rate = (double) observed[b] / count[b];
                bin.put("mean_predicted", round(meanPredicted));
                bin.put("observed_rate", round(rate));
                ece += (double) count[b] / r.size() * Math.abs(meanPredicted - rate);
            }
            bins.add(bin);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("expected_calibration_error", round(ece));
        c.put("bins", bins);
        return c;
    }

    private static Map<String, Object> perClass(ScoredRows r, int[] rows) {
        int k = r.classes().size();
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        count(r, rows, tp, fp, fn);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            if (tp[c] + fn[c] + fp[c] == 0) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("support", tp[c] + fn[c]);
            m.put("precision", round(tp[c] + fp[c] == 0 ? 0.0 : (double) tp[c] / (tp[c] + fp[c])));
            m.put("recall", round(tp[c] + fn[c] == 0 ? 0.0 : (double) tp[c] / (tp[c] + fn[c])));
            m.put("f1", round(f1(tp[c], fp[c], fn[c])));
            out.put(r.classes().get(c), m);
        }
        return out;
    }

    private static Map<String, Object> confusion(ScoredRows r) {
        int k = r.classes().size();
        long[][] matrix = new long[k][k];
        for (int i = 0; i < r.size(); i++) {
            matrix[r.truth()[i]][r.predicted()[i]]++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows_are", "true class");
        out.put("columns_are", "predicted class");
        out.put("classes", r.classes());
        List<List<Long>> rows = new ArrayList<>();
        for (long[] row : matrix) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        out.put("matrix", rows);
        return out;
    }

    private static void count(ScoredRows r, int[] rows, long[] tp, long[] fp, long[] fn) {
        for (int i : rows) {
            int t = r.truth()[i];
            int p = r.predicted()[i];
            if (t == p) {
                tp[t]++;
            } else {
                fp[p]++;
                fn[t]++;
            }
        }
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static List<double[]> bootstrap(ScoredRows r, int positive, long seed) {
        int sessions = Arrays.stream(r.session()).max().orElse(-1) + 1;
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            rowsOf.add(new ArrayList<>());
        }
        for (int i = 0; i < r.size(); i++) {
            rowsOf.get(r.session()[i]).add(i);
        }
        int[] present = java.util.stream.IntStream.range(0, sessions).filter(s -> !rowsOf.get(s).isEmpty()).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> samples = new ArrayList<>();
        for (int b = 0; b < RESAMPLES; b++) {
            List<Integer> picked = new ArrayList<>();
            for (int s = 0; s < present.length; s++) {
                picked.addAll(rowsOf.get(present[random.nextInt(present.length)]));
            }
            int[] rows = picked.stream().mapToInt(Integer::intValue).toArray();
            samples.add(new double[] {
                    accuracy(r, rows), macroF1(r, rows),
                    positive >= 0 ? rocAuc(r, rows, positive) : Double.NaN,
                    positive >= 0 ? averagePrecision(r, rows, positive) : Double.NaN,
                    positive >= 0 ? brier(r, rows, positive) : Double.NaN});
        }
        return samples;
    }

    private static Map<String, Object> withInterval(double value, List<double[]> samples, int index) {
        double[] values = samples.stream().mapToDouble(s -> s[index]).filter(v -> !Double.isNaN(v)).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", Double.isNaN(value) ? null : round(value));
        if (values.length > 0) {
            m.put("ci95", List.of(round(values[(int) Math.floor(0.025 * (values.length - 1))]),
                    round(values[(int) Math.ceil(0.975 * (values.length - 1))])));
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
