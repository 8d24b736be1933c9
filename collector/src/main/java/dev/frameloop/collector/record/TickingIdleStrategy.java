package dev.frameloop.collector.record;

import dev.frameloop.core.ring.IdleStrategy;

import java.util.Objects;

/**
 * Runs periodic work on the consumer thread between passes over the rings, then idles as the
 * wrapped strategy does: the session writer is single-threaded, so rolling files and rewriting
 * the manifest happen on the thread that writes the rows. The wrapped strategy's longest sleep
 * bounds how late a tick can be.
 */
public final class TickingIdleStrategy implements IdleStrategy {
    private final IdleStrategy delegate;
    private final Runnable tick;
    private final long periodNs;
    private long nextTickNs;

    public TickingIdleStrategy(IdleStrategy delegate, Runnable tick, long periodNs) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.tick = Objects.requireNonNull(tick, "tick");
        if (periodNs <= 0) {
            throw new IllegalArgumentException("periodNs must be positive, got " + periodNs);
        }
        this.periodNs = periodNs;
        this.nextTickNs = System.nanoTime() + periodNs;
    }

    @Override
    public void idle(int workCount) {
        long now = System.nanoTime();
        if (now - nextTickNs >= 0) {
            nextTickNs = now + periodNs;
            tick.run();
        }
        delegate.idle(workCount);
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void wakeUp() {
        delegate.wakeUp();
    }
}
