package dev.frameloop.core.ring;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then parks with a period that doubles from a minimum to a maximum,
 * as consecutive idle polls add up; any work resets it. Spinning covers bursts at
 * spinning latency, parking bounds the CPU a quiet ring costs.
 */
public final class BackoffIdleStrategy implements IdleStrategy {
    /** Idle polls spent spinning by default. */
    public static final long DEFAULT_MAX_SPINS = 1_000;
    /** Idle polls spent yielding by default, after spinning. */
    public static final long DEFAULT_MAX_YIELDS = 100;
    /** First park period by default: 1 µs. */
    public static final long DEFAULT_MIN_PARK_PERIOD_NS = 1_000;
    /** Longest park period by default: 1 ms. */
    public static final long DEFAULT_MAX_PARK_PERIOD_NS = 1_000_000;

    enum Phase { ACTIVE, SPINNING, YIELDING, PARKING }

    private final long maxSpins;
    private final long maxYields;
    private final long minParkPeriodNs;
    private final long maxParkPeriodNs;

    private Phase phase = Phase.ACTIVE;
    private long spins;
    private long yields;
    private long parkPeriodNs;

    /** Backoff with the default bounds. */
    public BackoffIdleStrategy() {
        this(DEFAULT_MAX_SPINS, DEFAULT_MAX_YIELDS, DEFAULT_MIN_PARK_PERIOD_NS, DEFAULT_MAX_PARK_PERIOD_NS);
    }

    /**
     * @param maxSpins        idle polls spent spinning before yielding (>= 0)
     * @param maxYields       idle polls spent yielding before parking (>= 0)
     * @param minParkPeriodNs first park period in ns (> 0)
     * @param maxParkPeriodNs longest park period in ns (>= minParkPeriodNs)
     */
    public BackoffIdleStrategy(long maxSpins, long maxYields, long minParkPeriodNs, long maxParkPeriodNs) {
        if (maxSpins < 0 || maxYields < 0) {
            throw new IllegalArgumentException("maxSpins and maxYields must be >= 0, got " + maxSpins + " and " + maxYields);
        }
        if (minParkPeriodNs <= 0 || maxParkPeriodNs < minParkPeriodNs) {
            throw new IllegalArgumentException("park periods must satisfy 0 < min <= max, got min " + minParkPeriodNs
                    + " ns, max " + maxParkPeriodNs + " ns");
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkPeriodNs = minParkPeriodNs;
        this.maxParkPeriodNs = maxParkPeriodNs;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
            return;
        }
        if (phase == Phase.ACTIVE) {
            phase = Phase.SPINNING;
            spins = 0;
        }
        if (phase == Phase.SPINNING) {
            if (spins++ < maxSpins) {
                Thread.onSpinWait();
                return;
            }
            phase = Phase.YIELDING;
            yields = 0;
        }
        if (phase == Phase.YIELDING) {
            if (yields++ < maxYields) {
                Thread.yield();
                return;
            }
            phase = Phase.PARKING;
            parkPeriodNs = minParkPeriodNs;
        }
        LockSupport.parkNanos(parkPeriodNs);
        parkPeriodNs = Math.min(parkPeriodNs << 1, maxParkPeriodNs);
    }

    @Override
    public void reset() {
        phase = Phase.ACTIVE;
    }

    /** Current phase, for tests. */
    Phase phase() {
        return phase;
    }

    /** Next park period in ns (meaningful while parking), for tests. */
    long parkPeriodNs() {
        return parkPeriodNs;
    }
}
