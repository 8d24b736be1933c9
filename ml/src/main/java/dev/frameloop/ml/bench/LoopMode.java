package dev.frameloop.ml.bench;

import dev.frameloop.collector.ring.IdleMode;

/** How the loop's ring reader waits for a trigger. */
public enum LoopMode {
    /** Busy-spinning on the ring's producer position (SCHED_FIFO on a CPU of its own where allowed). */
    SPIN("spin", IdleMode.SPIN),
    /** Sleeping in epoll_wait until the kernel wakes it. */
    EPOLL("epoll", IdleMode.EPOLL);

    private final String label;
    private final IdleMode idle;

    LoopMode(String label, IdleMode idle) {
        this.label = label;
        this.idle = idle;
    }

    /** The name in JSON keys and tables. */
    public String label() {
        return label;
    }

    IdleMode idle() {
        return idle;
    }
}
