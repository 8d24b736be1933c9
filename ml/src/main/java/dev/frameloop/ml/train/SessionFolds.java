package dev.frameloop.ml.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * K folds of sessions: sessions are shuffled with the seed and dealt round-robin, so every row of a
 * session lands in the same fold (never on both sides of a split).
 */
public final class SessionFolds {
    private final int[] foldOfSession;
    private final int folds;

    /**
     * @throws IllegalArgumentException if there are fewer sessions than folds, or fewer than 2 folds
     */
    public SessionFolds(int sessions, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2 to hold sessions out, got " + folds);
        }
        if (sessions < folds) {
            throw new IllegalArgumentException(sessions + " session" + (sessions == 1 ? "" : "s") + " cannot make "
                    + folds + " folds split by session (each fold holds out whole sessions); give more sessions with"
                    + " --data or pass --folds " + Math.max(2, sessions) + (sessions < 2 ? " after recording a second"
                    + " session" : ""));
        }
        this.folds = folds;
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            order.add(s);
        }
        Collections.shuffle(order, new Random(seed));
        foldOfSession = new int[sessions];
        for (int i = 0; i < sessions; i++) {
            foldOfSession[order.get(i)] = i % folds;
        }
    }

    public int folds() {
        return folds;
    }

    /** The fold that holds session {@code session} out. */
    public int foldOf(int session) {
        return foldOfSession[session];
    }
}
