package dev.frameloop.core.ring;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

/**
 * Drives several rings from one consumer thread, round-robin: each {@link #poll()} runs one
 * pass over every ring; the thread started by {@link #start} repeats
 * {@code idle.idle(poll())} until {@link #close()}, then drains what was committed before the
 * stop and exits.
 *
 * <p>A pass takes what a ring holds when it starts, so a busy ring delays the others by at
 * most one ring's worth of records.
 */
public final class RingPoller implements AutoCloseable {
    private final RingReader[] readers;
    private final IdleStrategy idleStrategy;
    private final long drainTimeoutNs;

    private volatile boolean running;
    private volatile Thread consumerThread;

    /**
     * @param readers      the rings, with distinct ring ids
     * @param idleStrategy what the consumer thread does when every ring is empty
     * @param drainTimeout how long {@link #close()} lets the consumer thread wait for records
     *                     still being written (busy) when draining
     */
    public RingPoller(List<RingReader> readers, IdleStrategy idleStrategy, Duration drainTimeout) {
        this.readers = readers.toArray(new RingReader[0]);
        this.idleStrategy = Objects.requireNonNull(idleStrategy, "idleStrategy");
        if (this.readers.length == 0) {
            throw new IllegalArgumentException("a poller needs at least one ring");
        }
        Set<Integer> ids = new HashSet<>();
        for (RingReader reader : this.readers) {
            if (!ids.add(Objects.requireNonNull(reader, "reader").ringId())) {
                throw new IllegalArgumentException("ring id " + reader.ringId() + " is used by more than one ring");
            }
        }
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drainTimeout must be >= 0, got " + drainTimeout);
        }
        this.drainTimeoutNs = drainTimeout.toNanos();
    }

    /**
     * One round: a pass over every ring; if none had anything, a store-load fence and a second
     * round (the re-check that makes sleeping in the kernel safe, see {@link IdleStrategy}).
     * Call it from one thread only, and not after {@link #start}.
     *
     * @return records consumed
     */
    public int poll() {
        Thread owner = consumerThread;
        if (owner != null && owner != Thread.currentThread()) {
            throw new IllegalStateException("the poller runs on thread '" + owner.getName() + "'; poll() belongs to it");
        }
        return pollWithRecheck();
    }

    /**
     * Starts the consumer thread.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start(ThreadFactory threadFactory) {
        if (consumerThread != null) {
            throw new IllegalStateException("the poller was already started");
        }
        running = true;
        Thread thread = threadFactory.newThread(this::run);
        consumerThread = thread;
        thread.start();
    }

    /** Whether the consumer thread was started and not yet told to stop. */
    public boolean isRunning() {
        return running;
    }

    /** The rings, in polling order. */
    public List<RingReader> readers() {
        return List.of(readers);
    }

    /**
     * Stops the consumer thread and waits for it to drain and exit. Records committed before the
     * stop are consumed; a record still busy after the drain timeout is reported to its ring's
     * error handler. Does nothing if the poller was never started. If the calling thread is
     * interrupted while waiting, returns early with its interrupt flag set.
     */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            thread = consumerThread;
            if (thread == null) {
                return;
            }
            running = false;
        }
        idleStrategy.wakeUp();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        IdleStrategy idle = idleStrategy;
        while (running) {
            idle.idle(pollWithRecheck());
        }
        drain();
    }

    private int pollWithRecheck() {
        int work = pollRound();
        if (work == 0) {
            RingMemory.storeLoadFence();
            work = pollRound();
        }
        return work;
    }

    private int pollRound() {
        int work = 0;
        for (RingReader reader : readers) {
            work += reader.consume();
        }
        return work;
    }

    private void drain() {
        long[] targets = new long[readers.length];
        for (int i = 0; i < readers.length; i++) {
            targets[i] = readers[i].producerPosition();
        }
        long deadline = System.nanoTime() + drainTimeoutNs;
        while (true) {
            int work = pollRound();
            boolean drained = true;
            for (int i = 0; i < readers.length; i++) {
                if (!readers[i].isStopped() && readers[i].consumerPosition() - targets[i] < 0) {
                    drained = false;
                }
            }
            if (drained) {
                return;
            }
            if (work == 0) {
                if (System.nanoTime() - deadline > 0) {
                    reportUndrained(targets);
                    return;
                }
                Thread.yield();
            }
        }
    }

    private void reportUndrained(long[] targets) {
        for (int i = 0; i < readers.length; i++) {
            RingReader reader = readers[i];
            if (!reader.isStopped() && reader.consumerPosition() - targets[i] < 0) {
                reader.errorHandler().onError(reader, new IllegalStateException("ring '" + reader.name()
                        + "': drain stopped at position " + reader.consumerPosition() + ", before producer position "
                        + targets[i] + ": a record stayed busy (reserved, never committed) for the whole "
                        + Duration.ofNanos(drainTimeoutNs).toMillis() + " ms drain timeout"));
            }
        }
    }
}
