package dev.frameloop.ml.train;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTest {
    /** Classes [miss, ok]; scores are P(miss). */
    private static ScoredRows binary(int[] truth, double[] pMiss) {
        int n = truth.length;
        int[] predicted = new int[n];
        double[][] scores = new double[n][2];
        int[] session = new int[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = pMiss[i] >= 0.5 ? 0 : 1;
            scores[i][0] = pMiss[i];
            scores[i][1] = 1 - pMiss[i];
            session[i] = i % 2;
        }
        return new ScoredRows(List.of("miss", "ok"), truth, predicted, scores, session);
    }

    @Test
    void shouldComputeRocAucWithTiesCountingHalf() {
        // positives (miss = 0) score 0.9 and 0.5; negatives 0.5 and 0.1: pairs (0.9>0.5, 0.9>0.1, 0.5=0.5, 0.5>0.1)
        ScoredRows rows = binary(new int[] {0, 0, 1, 1}, new double[] {0.9, 0.5, 0.5, 0.1});
        assertEquals(3.5 / 4, Metrics.rocAuc(rows, new int[] {0, 1, 2, 3}, 0), 1e-12);
    }

    @Test
    void shouldComputeAveragePrecisionAndBrier() {
        ScoredRows rows = binary(new int[] {0, 1, 0, 1}, new double[] {0.9, 0.8, 0.3, 0.1});
        int[] all = {0, 1, 2, 3};
        // ranks: miss (P=1/1), ok, miss (P=2/3), ok -> AP = (1 + 2/3) / 2
        assertEquals((1 + 2.0 / 3) / 2, Metrics.averagePrecision(rows, all, 0), 1e-12);
        assertEquals((0.01 + 0.64 + 0.49 + 0.01) / 4, Metrics.brier(rows, all, 0), 1e-12);
    }

    @Test
    void shouldAverageF1OverTheTrueClassesOnly() {
        // truth: A A B; predicted: A B B, and one prediction of class C that no row has
        ScoredRows rows = new ScoredRows(List.of("A", "B", "C"), new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 2},
                new double[4][3], new int[] {0, 0, 1, 1});
        double f1A = 2.0 * 1 / (2 + 0 + 1);
        double f1B = 2.0 * 1 / (2 + 1 + 1);
        assertEquals((f1A + f1B) / 2, Metrics.macroF1(rows, new int[] {0, 1, 2, 3}), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> perClass = (Map<String, Object>) Metrics.report(rows, -1, 1).get("per_class");
        assertEquals(List.of("A", "B", "C"), List.copyOf(perClass.keySet()));
    }
}
