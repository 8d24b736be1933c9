package dev.frameloop.collector.ring;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Owner of one epoll instance over ring buffer fds (level-triggered {@code EPOLLIN}: ready while
 * the ring holds data, i.e. {@code producer_pos != consumer_pos}) plus an eventfd that
 * {@link #wakeUp()} signals, so that a consumer blocked in {@link #await} can be woken from
 * another thread (at shutdown).
 *
 * <p>{@link #await} belongs to one thread (the consumer) and allocates nothing: its event buffer
 * is preallocated. {@link #wakeUp()} may be called from any thread.
 */
public final class EpollSet implements AutoCloseable {
    /** The {@code epoll_event.data} of the eventfd. */
    private static final long WAKE_TOKEN = -1L;

    private final int epollFd;
    private final int eventFd;
    private final int maxEvents;
    private final ByteBuffer events;
    private final ByteBuffer wakeCounter = ByteBuffer.allocateDirect(Long.BYTES).order(ByteOrder.nativeOrder());
    private final ByteBuffer drainCounter = ByteBuffer.allocateDirect(Long.BYTES).order(ByteOrder.nativeOrder());
    private int registered;
    private long wakeUps;
    private volatile boolean closed;

    private EpollSet(int epollFd, int eventFd, int maxEvents) {
        this.epollFd = epollFd;
        this.eventFd = eventFd;
        this.maxEvents = maxEvents;
        this.events = ByteBuffer.allocateDirect(maxEvents * LibC.EPOLL_EVENT_SIZE).order(ByteOrder.nativeOrder());
        wakeCounter.putLong(0, 1L);
    }

    /**
     * Creates the epoll instance and its wake-up eventfd.
     *
     * @param maxEvents events one {@link #await} can report (>= 1; more ready fds are reported by the next call)
     */
    public static EpollSet create(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be >= 1, got " + maxEvents);
        }
        LibC.requireAvailable();
        int epollFd = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
        if (epollFd < 0) {
            throw new IllegalStateException("epoll_create1 failed: " + Errno.describe(Native.getLastError()));
        }
        int eventFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
        if (eventFd < 0) {
            int errno = Native.getLastError();
            LibC.close(epollFd);
            throw new IllegalStateException("eventfd failed: " + Errno.describe(errno));
        }
        EpollSet set = new EpollSet(epollFd, eventFd, maxEvents + 1);
        try {
            set.register(eventFd, WAKE_TOKEN, "the wake-up eventfd");
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
        return set;
    }

    /**
     * Watches {@code fd} for readability, level-triggered.
     *
     * @param token reported back for this fd (e.g. a ring id); must not be -1
     */
    public void add(int fd, long token) {
        if (token == WAKE_TOKEN) {
            throw new IllegalArgumentException("token -1 is reserved for the wake-up eventfd");
        }
        register(fd, token, "fd " + fd);
        registered++;
    }

    private void register(int fd, long token, String what) {
        ByteBuffer event = ByteBuffer.allocateDirect(LibC.EPOLL_EVENT_SIZE).order(ByteOrder.nativeOrder());
        event.putInt(0, LibC.EPOLLIN);
        event.putLong(4, token);
        if (LibC.epoll_ctl(epollFd, LibC.EPOLL_CTL_ADD, fd, event) != 0) {
            throw new IllegalStateException("epoll_ctl(ADD) of " + what + " failed: " + Errno.describe(Native.getLastError()));
        }
    }

    /**
     * Blocks until a watched fd is readable, {@link #wakeUp()} was called, or the timeout passes.
     * A pending wake-up is consumed.
     *
     * @param timeoutMs -1 to wait forever, 0 to only check
     * @return ready watched fds (0 on timeout, on a wake-up alone, or when a signal interrupted the wait)
     */
    public int await(int timeoutMs) {
        int n = LibC.epoll_wait(epollFd, events, maxEvents, timeoutMs);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == LibC.EINTR) {
                return 0;
            }
            throw new IllegalStateException("epoll_wait failed: " + Errno.describe(errno));
        }
        int ready = 0;
        for (int i = 0; i < n; i++) {
            if (events.getLong(i * LibC.EPOLL_EVENT_SIZE + 4) == WAKE_TOKEN) {
                LibC.read(eventFd, drainCounter, Long.BYTES);
                wakeUps++;
            } else {
                ready++;
            }
        }
        return ready;
    }

    /** Makes the current or next {@link #await} return. Thread-safe; does nothing once closed. */
    public synchronized void wakeUp() {
        if (closed) {
            return;
        }
        if (LibC.write(eventFd, wakeCounter, Long.BYTES) != Long.BYTES) {
            int errno = Native.getLastError();
            if (errno != LibC.EAGAIN) { // EAGAIN: the counter is saturated, a wake-up is pending anyway
                throw new IllegalStateException("writing the wake-up eventfd failed: " + Errno.describe(errno));
            }
        }
    }

    /** Watched fds (the eventfd not counted). */
    public int size() {
        return registered;
    }

    /** Wake-ups consumed by {@link #await} so far (read on the consumer thread). */
    public long wakeUps() {
        return wakeUps;
    }

    /** Closes the epoll fd and the eventfd. No thread may be in {@link #await}. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LibC.close(eventFd);
        LibC.close(epollFd);
    }
}
