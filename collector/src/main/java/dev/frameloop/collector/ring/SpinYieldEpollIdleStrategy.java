package dev.frameloop.collector.ring;

import dev.frameloop.core.ring.IdleStrategy;

import java.util.Objects;

/**
 * The default: after the last record, spin for a while (a burst's next record is seen at spinning
 * latency), then yield for a while, then sleep in {@code epoll_wait} (a quiet ring costs no CPU).
 * Phases are measured in time, not in polls, so their cost does not depend on how many rings
 * a poll visits. Any work starts over with spinning. See {@link EpollIdleStrategy} for why
 * sleeping cannot miss a record.
 */
public final class SpinYieldEpollIdleStrategy implements IdleStrategy {
    /** Spinning after the last record, by default: 20 µs. */
    public static final long DEFAULT_SPIN_NS = 20_000;
    /** Yielding after spinning, by default: 30 µs. */
    public static final long DEFAULT_YIELD_NS = 30_000;

    private final EpollSet epoll;
    private final long spinNs;
    private final long yieldNs;
    private final int timeoutMs;
    private long idleSinceNs;
    private boolean idling;

    /**
     * @param epoll     the rings' epoll set
     * @param spinNs    time spent spinning after the last record, ns (>= 0)
     * @param yieldNs   time spent yielding after spinning, ns (>= 0)
     * @param timeoutMs longest epoll sleep, ms (-1: until data or a wake-up)
     */
    public SpinYieldEpollIdleStrategy(EpollSet epoll, long spinNs, long yieldNs, int timeoutMs) {
        this.epoll = Objects.requireNonNull(epoll, "epoll");
        if (spinNs < 0 || yieldNs < 0) {
            throw new IllegalArgumentException("spinNs and yieldNs must be >= 0, got " + spinNs + " and " + yieldNs);
        }
        if (timeoutMs < -1) {
            throw new IllegalArgumentException("timeoutMs must be >= -1, got " + timeoutMs);
        }
        this.spinNs = spinNs;
        this.yieldNs = yieldNs;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            idling = false;
            return;
        }
        long now = System.nanoTime();
        if (!idling) {
            idling = true;
            idleSinceNs = now;
        }
        long idleNs = now - idleSinceNs;
        if (idleNs < spinNs) {
            Thread.onSpinWait();
        } else if (idleNs < spinNs + yieldNs) {
            Thread.yield();
        } else {
            epoll.await(timeoutMs);
        }
    }

    @Override
    public void reset() {
        idling = false;
    }

    @Override
    public void wakeUp() {
        epoll.wakeUp();
    }
}
