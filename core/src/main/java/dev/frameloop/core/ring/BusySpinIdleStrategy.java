package dev.frameloop.core.ring;

/**
 * Never gives the CPU up: {@link Thread#onSpinWait()} when idle. Lowest latency (it reads
 * {@code producer_pos} continuously and does not depend on kernel wakeups), one core busy.
 */
public final class BusySpinIdleStrategy implements IdleStrategy {

    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            Thread.onSpinWait();
        }
    }
}
