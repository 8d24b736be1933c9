package dev.frameloop.ml.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionFoldsTest {
    @Test
    void shouldPutEverySessionInOneFoldAndEveryFoldAtLeastOneSession() {
        SessionFolds folds = new SessionFolds(7, 3, 42);

        int[] sessionsPerFold = new int[3];
        for (int s = 0; s < 7; s++) {
            sessionsPerFold[folds.foldOf(s)]++;
        }
        java.util.Arrays.sort(sessionsPerFold);
        assertArrayEquals(new int[] {2, 2, 3}, sessionsPerFold);
    }

    @Test
    void shouldSplitTheSameWayForTheSameSeed() {
        SessionFolds a = new SessionFolds(10, 4, 7);
        SessionFolds b = new SessionFolds(10, 4, 7);
        for (int s = 0; s < 10; s++) {
            assertEquals(a.foldOf(s), b.foldOf(s));
        }
    }

    @Test
    void shouldSayWhatToDoWithTooFewSessions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SessionFolds(3, 5, 1));
        assertTrue(e.getMessage().contains("3 sessions cannot make 5 folds"), e.getMessage());
        assertTrue(e.getMessage().contains("--folds 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SessionFolds(4, 1, 1));
    }
}
