package dev.frameloop.collector.ring;

import dev.frameloop.core.ring.BackoffIdleStrategy;
import dev.frameloop.core.ring.BusySpinIdleStrategy;
import dev.frameloop.core.ring.IdleStrategy;

import java.util.Locale;

/** What the ring consumer thread does when every ring is empty; {@link #SPIN_YIELD_EPOLL} is the default. */
public enum IdleMode {
    /** Busy-spin: lowest latency, a whole CPU. */
    SPIN("spin", "busy-spin on the rings: lowest latency, costs a whole CPU"),
    /** Spin, yield, then park with a growing period (1 µs..1 ms); no kernel wakeups. */
    BACKOFF("backoff", "spin, yield, then park 1 us..1 ms: no kernel wakeups, latency up to the park period"),
    /** Sleep in epoll_wait at once. */
    EPOLL("epoll", "sleep in epoll_wait at once: least CPU, the kernel's wakeup path sets the latency"),
    /** Spin 20 µs, yield 30 µs, then epoll_wait. */
    SPIN_YIELD_EPOLL("spin-yield-epoll", "spin 20 us, yield 30 us, then sleep in epoll_wait (default)");

    /**
     * Longest epoll sleep: bounds the delay of records committed without a wakeup, which is most of them (the
     * producers wake the reader only when a ring fills up: rings.bpf.h, "Wakeups").
     */
    public static final int EPOLL_TIMEOUT_MS = 10;

    private final String label;
    private final String description;

    IdleMode(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The strategy, sleeping in {@code epoll} where the mode sleeps in the kernel. */
    public IdleStrategy create(EpollSet epoll) {
        return switch (this) {
            case SPIN -> new BusySpinIdleStrategy();
            case BACKOFF -> new BackoffIdleStrategy();
            case EPOLL -> new EpollIdleStrategy(epoll, EPOLL_TIMEOUT_MS);
            case SPIN_YIELD_EPOLL -> new SpinYieldEpollIdleStrategy(epoll, SpinYieldEpollIdleStrategy.DEFAULT_SPIN_NS,
                    SpinYieldEpollIdleStrategy.DEFAULT_YIELD_NS, EPOLL_TIMEOUT_MS);
        };
    }

    /** The name users type ({@code spin-yield-epoll}). */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Parses a label ({@code epoll}) or constant name ({@code SPIN_YIELD_EPOLL}), ignoring case. */
    public static IdleMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (IdleMode mode : values()) {
            if (mode.label.equals(wanted)) {
                return mode;
            }
        }
        StringBuilder known = new StringBuilder();
        for (IdleMode mode : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(mode.label);
        }
        throw new IllegalArgumentException("unknown idle mode '" + text + "'; one of: " + known);
    }

    @Override
    public String toString() {
        return label;
    }
}
