package dev.frameloop.core.ring;

import java.util.concurrent.locks.LockSupport;

/**
 * Parks for a fixed period when idle: little CPU, latency up to the period plus the OS timer
 * slack. Does not depend on kernel wakeups.
 */
public final class SleepingIdleStrategy implements IdleStrategy {
    private final long sleepPeriodNs;

    /**
     * @param sleepPeriodNs how long to park when idle, in ns (> 0)
     */
    public SleepingIdleStrategy(long sleepPeriodNs) {
        if (sleepPeriodNs <= 0) {
            throw new IllegalArgumentException("sleepPeriodNs must be > 0, got " + sleepPeriodNs);
        }
        this.sleepPeriodNs = sleepPeriodNs;
    }

    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            LockSupport.parkNanos(sleepPeriodNs);
        }
    }

    /** The park period in ns. */
    public long sleepPeriodNs() {
        return sleepPeriodNs;
    }
}
