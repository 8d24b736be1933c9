package dev.frameloop.ml.loop;

import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.BoostPolicy;

import java.util.Map;
import java.util.Objects;

/**
 * How predictions become {@code boost_policy} entries.
 *
 * @param confidenceFloor   predictions less confident than this (0..1) are ignored
 * @param hysteresisWindows a role is written only after this many windows in a row predict it
 * @param ttlNs             an entry expires this long after it is written, so a dead loop leaves nothing
 * @param refreshNs         an entry still predicted is rewritten when less than this is left of it
 * @param maxWritesPerSecond writes allowed per second (token bucket of that depth, on event time)
 * @param boostPercent      boost written per role (0: the scheduler's default for the role)
 * @param sliceNs           slice written per role (0: the scheduler's default)
 */
public record PolicySettings(double confidenceFloor, int hysteresisWindows, long ttlNs, long refreshNs,
                             int maxWritesPerSecond, Map<ThreadClass, Integer> boostPercent,
                             Map<ThreadClass, Long> sliceNs) {
    /** Floor 0.6, 2 windows, 3 s TTL refreshed with 1.5 s left, 50 writes/s, the scheduler's boosts and slices. */
    public static final PolicySettings DEFAULT = new PolicySettings(0.6, 2, 3_000_000_000L, 1_500_000_000L, 50,
            Map.of(), Map.of());

    public PolicySettings {
        if (!(confidenceFloor >= 0.0 && confidenceFloor <= 1.0)) {
            throw new IllegalArgumentException("confidence floor must be 0..1, was " + confidenceFloor);
        }
        if (hysteresisWindows < 1) {
            throw new IllegalArgumentException("hysteresis must be >= 1 window, was " + hysteresisWindows);
        }
        if (ttlNs <= 0 || refreshNs < 0 || refreshNs >= ttlNs) {
            throw new IllegalArgumentException("TTL must be > 0 and the refresh margin 0..TTL, were " + ttlNs
                    + " ns and " + refreshNs + " ns");
        }
        if (maxWritesPerSecond < 1) {
            throw new IllegalArgumentException("rate limit must be >= 1 write/s, was " + maxWritesPerSecond);
        }
        boostPercent = Map.copyOf(Objects.requireNonNull(boostPercent, "boostPercent"));
        sliceNs = Map.copyOf(Objects.requireNonNull(sliceNs, "sliceNs"));
        boostPercent.forEach((role, boost) -> {
            if (boost != 0 && (boost < BoostPolicy.BOOST_MIN || boost > BoostPolicy.BOOST_MAX)) {
                throw new IllegalArgumentException("boost of " + role + " must be 0 or " + BoostPolicy.BOOST_MIN + ".."
                        + BoostPolicy.BOOST_MAX + ", was " + boost);
            }
        });
    }

    /** These settings with another floor, hysteresis, TTL (refresh at half of it) and rate. */
    public PolicySettings with(double floor, int windows, long ttl, int rate) {
        return new PolicySettings(floor, windows, ttl, ttl / 2, rate, boostPercent, sliceNs);
    }

    int boostOf(ThreadClass role) {
        return boostPercent.getOrDefault(role, 0);
    }

    long sliceOf(ThreadClass role) {
        return sliceNs.getOrDefault(role, 0L);
    }
}
