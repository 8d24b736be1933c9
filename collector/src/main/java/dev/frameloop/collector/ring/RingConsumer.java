package dev.frameloop.collector.ring;

import dev.frameloop.core.ring.ErrorHandler;
import dev.frameloop.core.ring.EventHandler;
import dev.frameloop.core.ring.IdleStrategy;
import dev.frameloop.core.ring.RingPoller;
import dev.frameloop.core.ring.RingReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * The consumer thread of a set of mapped rings: one {@link RingReader} per ring, one
 * {@link RingPoller} that visits them round-robin, one epoll set over every ring fd (plus an
 * eventfd for shutdown) for the idle strategy to sleep in. {@link #close()} stops the thread
 * after it drained what was committed before the stop, then closes the epoll set; the rings
 * stay mapped (their owner, {@link KernelRings}, closes after the consumer).
 */
public final class RingConsumer implements AutoCloseable {
    /** {@code consumer_pos} is stored at least every this many records by default. */
    public static final int DEFAULT_POSITION_STORE_BATCH = 64;
    /** How long close waits for records still being written, by default. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(1);

    private final EpollSet epoll;
    private final RingPoller poller;
    private final List<RingReader> readers;
    private volatile Thread thread;

    private RingConsumer(EpollSet epoll, RingPoller poller, List<RingReader> readers) {
        this.epoll = epoll;
        this.poller = poller;
        this.readers = readers;
    }

    /**
     * Starts a consumer thread over {@code rings} with the default batch and drain timeout.
     *
     * @param rings        the rings (their ids are passed to the handler)
     * @param handler      receives every record, on the consumer thread
     * @param errorHandler receives handler exceptions and ring corruption
     * @param idle         what the thread does when every ring is empty
     * @param threadName   name of the consumer thread
     */
    public static RingConsumer start(List<KernelRing> rings, EventHandler handler, ErrorHandler errorHandler,
                                     IdleMode idle, String threadName) {
        return start(rings, handler, errorHandler, idle::create, DEFAULT_POSITION_STORE_BATCH, DEFAULT_DRAIN_TIMEOUT,
                daemonThreads(threadName));
    }

    /**
     * Starts a consumer thread with an idle strategy made from the rings' epoll set.
     *
     * @param idleFactory        builds the idle strategy; the epoll set is for strategies that sleep in the kernel
     * @param positionStoreBatch store {@code consumer_pos} at least every this many records
     * @param drainTimeout       how long {@link #close()} waits for records still being written
     * @param threadFactory      makes the consumer thread (e.g. {@link #daemonThreads}, or one that pins it to a CPU)
     */
    public static RingConsumer start(List<KernelRing> rings, EventHandler handler, ErrorHandler errorHandler,
                                     Function<EpollSet, IdleStrategy> idleFactory, int positionStoreBatch,
                                     Duration drainTimeout, ThreadFactory threadFactory) {
        Objects.requireNonNull(idleFactory, "idleFactory");
        Objects.requireNonNull(threadFactory, "threadFactory");
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a consumer needs at least one ring");
        }
        EpollSet epoll = EpollSet.create(rings.size());
        try {
            List<RingReader> readers = new ArrayList<>();
            for (KernelRing ring : rings) {
                epoll.add(ring.mapped().fd(), ring.id());
                readers.add(new RingReader(ring.id(), ring.name(), ring.mapped().regions(), handler, errorHandler,
                        positionStoreBatch));
            }
            RingPoller poller = new RingPoller(readers, idleFactory.apply(epoll), drainTimeout);
            RingConsumer consumer = new RingConsumer(epoll, poller, List.copyOf(readers));
            poller.start(runnable -> {
                Thread t = threadFactory.newThread(runnable);
                consumer.thread = t;
                return t;
            });
            return consumer;
        } catch (RuntimeException e) {
            epoll.close();
            throw e;
        }
    }

    /** Daemon threads named {@code name}. */
    public static ThreadFactory daemonThreads(String name) {
        Objects.requireNonNull(name, "name");
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The readers, in ring order (their counters may be read from other threads; values may lag). */
    public List<RingReader> readers() {
        return readers;
    }

    /** The consumer thread (for its CPU time and allocation counters). */
    public Thread thread() {
        return thread;
    }

    /** Records handed to the handler so far, over every ring (may lag). */
    public long delivered() {
        long total = 0;
        for (RingReader reader : readers) {
            total += reader.delivered();
        }
        return total;
    }

    /** Stops the thread once it drained what was committed before the stop, then closes the epoll set. Idempotent. */
    @Override
    public void close() {
        poller.close();
        Thread t = thread;
        if (t != null && t.isAlive()) {
            return; // interrupted while joining: the thread still uses the epoll set
        }
        epoll.close();
    }
}
