package dev.frameloop.core.ring;

/**
 * {@link Thread#yield()} when idle: near-spinning latency while letting other runnable threads
 * of the same core in; still one core busy when nothing else runs.
 */
public final class YieldingIdleStrategy implements IdleStrategy {

    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            Thread.yield();
        }
    }
}
