package dev.frameloop.collector.ring;

import dev.frameloop.core.ring.IdleStrategy;

import java.util.Objects;

/**
 * Sleeps in {@code epoll_wait} over every ring fd as soon as a poll finds nothing: the lowest CPU
 * cost, and the kernel's wakeup path decides the latency (see FIELD-NOTES "Ring-buffer wakeups").
 * Safe because {@link dev.frameloop.core.ring.RingPoller} calls {@code idle(0)} only after it
 * published {@code consumer_pos}, fenced and re-checked every ring (see {@link IdleStrategy}):
 * a record committed later wakes the kernel's waiters, and epoll is level-triggered.
 *
 * <p>The timeout bounds how long records committed with {@code BPF_RB_NO_WAKEUP} (which wake
 * nobody) can wait. {@link #wakeUp()} signals the set's eventfd.
 */
public final class EpollIdleStrategy implements IdleStrategy {
    private final EpollSet epoll;
    private final int timeoutMs;

    /**
     * @param epoll     the rings' epoll set
     * @param timeoutMs longest sleep, ms (-1: until data or a wake-up)
     */
    public EpollIdleStrategy(EpollSet epoll, int timeoutMs) {
        this.epoll = Objects.requireNonNull(epoll, "epoll");
        if (timeoutMs < -1) {
            throw new IllegalArgumentException("timeoutMs must be >= -1, got " + timeoutMs);
        }
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            epoll.await(timeoutMs);
        }
    }

    @Override
    public void wakeUp() {
        epoll.wakeUp();
    }
}
