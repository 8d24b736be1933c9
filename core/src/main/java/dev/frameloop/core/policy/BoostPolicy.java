package dev.frameloop.core.policy;

import dev.frameloop.core.event.ThreadClass;

import java.util.Objects;

/**
 * What userspace asks the gamer scheduler to do for one thread: schedule it as {@code role}, with a
 * boost and a slice, until {@code expiryNs}. Times are CLOCK_MONOTONIC nanoseconds, the clock of
 * {@code bpf_ktime_get_ns()} (on Linux, {@link System#nanoTime()} reads the same clock).
 *
 * @param tid              the thread id (the kernel's pid of the thread)
 * @param role             the class the thread is scheduled as; never {@link ThreadClass#UNKNOWN}
 * @param boostPercent     100 = no boost, larger = its run time weighs less in its deadlines
 *                         ({@value #BOOST_MIN}..{@value #BOOST_MAX}); 0 = the role's default
 * @param sliceNs          time slice; 0 = the role's default
 * @param entryTimestampNs when the entry was written; names this write (the scheduler reports a
 *                         write once), so it must be positive
 * @param expiryNs         from this time on the scheduler ignores the entry
 */
public record BoostPolicy(int tid, ThreadClass role, int boostPercent, long sliceNs, long entryTimestampNs, long expiryNs) {
    /** Smallest boost the scheduler takes (it clamps others). */
    public static final int BOOST_MIN = 10;
    /** Largest boost the scheduler takes. */
    public static final int BOOST_MAX = 10_000;

    public BoostPolicy {
        Objects.requireNonNull(role, "role");
        if (tid <= 0) {
            throw new IllegalArgumentException("tid must be > 0, was " + tid);
        }
        if (role == ThreadClass.UNKNOWN) {
            throw new IllegalArgumentException("role must be a class (input, render, audio, compositor, game, background), not unknown");
        }
        if (boostPercent != 0 && (boostPercent < BOOST_MIN || boostPercent > BOOST_MAX)) {
            throw new IllegalArgumentException("boost must be 0 (the role's default) or " + BOOST_MIN + ".." + BOOST_MAX
                    + " percent, was " + boostPercent);
        }
        if (sliceNs < 0) {
            throw new IllegalArgumentException("slice must be >= 0 ns, was " + sliceNs);
        }
        if (entryTimestampNs <= 0) {
            throw new IllegalArgumentException("entry timestamp must be > 0 ns, was " + entryTimestampNs);
        }
        if (expiryNs <= entryTimestampNs) {
            throw new IllegalArgumentException("expiry (" + expiryNs + " ns) must be after the entry timestamp ("
                    + entryTimestampNs + " ns)");
        }
    }
}
