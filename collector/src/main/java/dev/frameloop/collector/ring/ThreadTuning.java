package dev.frameloop.collector.ring;

import dev.frameloop.collector.jna.LibC;

/**
 * The calling thread's timer precision, and a thread's nice value, for benchmark threads that wake on short
 * timers: Linux's default 50 µs timer slack would make every short sleep overshoot, and a thread
 * at nice -20 gets a CPU back sooner on a shared machine.
 */
public final class ThreadTuning {
    /** The most favourable nice value. */
    public static final int HIGHEST_NICE = -20;

    private ThreadTuning() {
    }

    /** Timer slack of 1 ns for the calling thread (timers fire when asked, not up to 50 µs late). */
    public static void fineTimerSlack() {
        LibC.requireAvailable();
        LibC.prctl(LibC.PR_SET_TIMERSLACK, 1, 0, 0, 0);
    }

    /** The calling thread's timer slack back to its default (the process's). */
    public static void defaultTimerSlack() {
        LibC.requireAvailable();
        LibC.prctl(LibC.PR_SET_TIMERSLACK, 0, 0, 0, 0);
    }

    /**
     * Sets thread {@code tid}'s nice value.
     *
     * @return true if set, false if the kernel refused (lowering nice needs CAP_SYS_NICE)
     */
    public static boolean trySetNice(int tid, int nice) {
        LibC.requireAvailable();
        return LibC.setpriority(LibC.PRIO_PROCESS, tid, nice) == 0;
    }
}
