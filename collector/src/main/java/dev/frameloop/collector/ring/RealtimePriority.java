package dev.frameloop.collector.ring;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;

/**
 * Puts the calling thread in the real-time class ({@code SCHED_FIFO}) and back. For a spinning
 * ring consumer on a loaded machine: a normal thread that spins is descheduled for whole time
 * slices (milliseconds) whenever other threads want its CPU, and that, not the ring, sets its
 * tail latency. A {@code SCHED_FIFO} thread runs until it blocks, except for the share the kernel
 * keeps for normal threads ({@code /proc/sys/kernel/sched_rt_runtime_us} of every
 * {@code sched_rt_period_us}, 95 % by default): pin it to a CPU the producer does not use.
 * Needs CAP_SYS_NICE (root).
 */
public final class RealtimePriority {
    /** The lowest real-time priority: above every normal thread, below the kernel's own real-time threads. */
    public static final int LOWEST = 1;

    private RealtimePriority() {
    }

    /**
     * Makes the calling thread {@code SCHED_FIFO} at {@code priority}.
     *
     * @return true if it is now, false if the kernel refused (no CAP_SYS_NICE: EPERM)
     * @throws IllegalStateException for any other failure
     */
    public static boolean tryFifo(int priority) {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("a SCHED_FIFO priority is 1..99, got " + priority);
        }
        LibC.requireAvailable();
        if (LibC.sched_setscheduler(0, LibC.SCHED_FIFO, new int[] {priority}) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.EPERM) {
            return false;
        }
        throw new IllegalStateException("sched_setscheduler(SCHED_FIFO, " + priority + ") failed: " + Errno.describe(errno));
    }

    /** Puts the calling thread back in the normal class ({@code SCHED_OTHER}). */
    public static void normal() {
        LibC.requireAvailable();
        if (LibC.sched_setscheduler(0, LibC.SCHED_OTHER, new int[] {0}) != 0) {
            throw new IllegalStateException("sched_setscheduler(SCHED_OTHER) failed: " + Errno.describe(Native.getLastError()));
        }
    }
}
