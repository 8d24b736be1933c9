package dev.frameloop.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IdleStrategyTest {

    @Test
    void shouldSpinThenYieldThenParkWithADoublingPeriodAndResetOnWork() {
        BackoffIdleStrategy backoff = new BackoffIdleStrategy(2, 1, 1_000, 3_000);

        backoff.idle(0);
        assertEquals(BackoffIdleStrategy.Phase.SPINNING, backoff.phase());
        backoff.idle(0);
        assertEquals(BackoffIdleStrategy.Phase.SPINNING, backoff.phase());
        backoff.idle(0);
        assertEquals(BackoffIdleStrategy.Phase.YIELDING, backoff.phase());
        backoff.idle(0);
        assertEquals(BackoffIdleStrategy.Phase.PARKING, backoff.phase());
        assertEquals(2_000, backoff.parkPeriodNs());
        backoff.idle(0);
        assertEquals(3_000, backoff.parkPeriodNs());
        backoff.idle(0);
        assertEquals(3_000, backoff.parkPeriodNs());

        backoff.idle(5);
        assertEquals(BackoffIdleStrategy.Phase.ACTIVE, backoff.phase());
        backoff.idle(0);
        assertEquals(BackoffIdleStrategy.Phase.SPINNING, backoff.phase());
    }

    @Test
    void shouldRefuseBoundsThatMakeNoSense() {
        IllegalArgumentException periods = assertThrows(IllegalArgumentException.class,
                () -> new BackoffIdleStrategy(1, 1, 2_000, 1_000));
        assertEquals("park periods must satisfy 0 < min <= max, got min 2000 ns, max 1000 ns", periods.getMessage());
        IllegalArgumentException spins = assertThrows(IllegalArgumentException.class,
                () -> new BackoffIdleStrategy(-1, 1, 1, 1));
        assertEquals("maxSpins and maxYields must be >= 0, got -1 and 1", spins.getMessage());
        IllegalArgumentException sleep = assertThrows(IllegalArgumentException.class, () -> new SleepingIdleStrategy(0));
        assertEquals("sleepPeriodNs must be > 0, got 0", sleep.getMessage());
    }
}
