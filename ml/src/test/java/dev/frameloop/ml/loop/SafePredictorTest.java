package dev.frameloop.ml.loop;

import dev.frameloop.core.event.ThreadClass;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafePredictorTest {
    private static final double[] FEATURES = new double[3];
    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void shouldPassAGoodAnswerThrough() {
        SafePredictor p = new SafePredictor(f -> new RolePrediction(ThreadClass.AUDIO, 0.7), clock::get, 1_000, 3);

        assertEquals(new RolePrediction(ThreadClass.AUDIO, 0.7), p.predict(1, FEATURES));
        assertEquals(1, p.predictions());
    }

    @Test
    void shouldCountAModelThatThrows() {
        SafePredictor p = new SafePredictor(f -> {
            throw new IllegalStateException("broken model");
        }, clock::get, 1_000, 3);

        assertNull(p.predict(1, FEATURES));
        assertEquals(1, p.errors());
        assertFalse(p.disabled());
    }

    @Test
    void shouldCountNaNOutOfRangeAndUnknownAnswers() {
        double[] confidences = {Double.NaN, 1.5, -0.1, 0.9};
        ThreadClass[] roles = {ThreadClass.RENDER, ThreadClass.RENDER, ThreadClass.RENDER, ThreadClass.UNKNOWN};
        int[] call = {0};
        SafePredictor p = new SafePredictor(f -> {
            int i = call[0]++;
            return new RolePrediction(roles[i], confidences[i]);
        }, clock::get, 1_000, 10);

        for (int i = 0; i < 4; i++) {
            assertNull(p.predict(1, FEATURES), "answer " + i);
        }
        assertEquals(4, p.invalid());
    }

    @Test
    void shouldDropAnAnswerOverTheTimeBudget() {
        SafePredictor p = new SafePredictor(f -> {
            clock.addAndGet(5_000);
            return new RolePrediction(ThreadClass.RENDER, 0.9);
        }, clock::get, 1_000, 3);

        assertNull(p.predict(1, FEATURES));
        assertEquals(1, p.slow());
    }

    @Test
    void shouldSwitchTheModelOffAfterFailuresInARowButNotAfterScatteredOnes() {
        int[] call = {0};
        SafePredictor scattered = new SafePredictor(f -> {
            if (call[0]++ % 2 == 0) {
                throw new IllegalStateException("every other");
            }
            return new RolePrediction(ThreadClass.RENDER, 0.9);
        }, clock::get, 1_000, 2);
        for (int i = 0; i < 10; i++) {
            scattered.predict(1, FEATURES);
        }
        assertFalse(scattered.disabled());
        assertEquals(5, scattered.errors());

        SafePredictor broken = new SafePredictor(f -> new RolePrediction(ThreadClass.RENDER, Double.NaN), clock::get,
                1_000, 3);
        for (int i = 0; i < 5; i++) {
            broken.predict(1, FEATURES);
        }
        assertTrue(broken.disabled());
        assertEquals(3, broken.invalid(), "no more calls once switched off");
    }
}
