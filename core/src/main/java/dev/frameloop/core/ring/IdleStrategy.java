package dev.frameloop.core.ring;

/**
 * What the consumer thread does between passes, kept apart from the work itself:
 * {@code while (running) { idle.idle(poller.poll()); }}.
 *
 * <p>Guarantee for strategies that sleep until the kernel signals readability (the
 * collector's level-triggered epoll over the ring fds): when {@link RingPoller} calls
 * {@code idle(0)}, every ring's {@code consumer_pos} has been published, a store-load fence
 * has been issued, and a second pass found no committed record in any ring (see
 * {@link RingPoller#poll()}). A record committed after that either was seen by that pass or
 * makes the kernel wake the epoll waiter (it wakes when {@code consumer_pos} equals the
 * committed record's position), so blocking here cannot miss it. Producers that commit
 * with {@code BPF_RB_NO_WAKEUP} wake nobody: pair them with a timeout or a spinning strategy.
 */
public interface IdleStrategy {

    /**
     * Idle (or not) after a unit of work.
     *
     * @param workCount records consumed by the last poll; 0 means the rings were found empty
     */
    void idle(int workCount);

    /** Forget any backoff state, as if work had just been done. */
    default void reset() {
    }

    /**
     * Called from another thread (at shutdown) so that an {@link #idle} blocked in the kernel
     * returns soon. Strategies that only spin, yield or park briefly need not do anything.
     */
    default void wakeUp() {
    }
}
