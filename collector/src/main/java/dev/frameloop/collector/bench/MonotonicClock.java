package dev.frameloop.collector.bench;

import dev.frameloop.collector.jna.LibC;

/**
 * Where {@link System#nanoTime()} stands against {@code CLOCK_MONOTONIC}, the clock of
 * {@code bpf_ktime_get_ns()} that stamps every record. On Linux, HotSpot's {@code nanoTime} is
 * {@code clock_gettime(CLOCK_MONOTONIC)} itself (vDSO, ~20 ns, no allocation), so handlers use it;
 * this calibration checks that instead of assuming it: it brackets {@code nanoTime} between two
 * {@code clock_gettime} calls through JNA and keeps the tightest bracket.
 *
 * @param offsetNs      add to {@code nanoTime()} to get CLOCK_MONOTONIC; 0 when the bracket contains 0
 * @param uncertaintyNs half the tightest bracket: how far the offset can be off
 */
public record MonotonicClock(long offsetNs, long uncertaintyNs) {

    /** Calibrates over {@code samples} brackets. */
    public static MonotonicClock calibrate(int samples) {
        LibC.requireAvailable();
        long[] ts = new long[2];
        long bestWidth = Long.MAX_VALUE;
        long bestOffset = 0;
        for (int i = 0; i < samples; i++) {
            long before = monotonic(ts);
            long nano = System.nanoTime();
            long after = monotonic(ts);
            long width = after - before;
            if (width >= 0 && width < bestWidth) {
                bestWidth = width;
                bestOffset = before + width / 2 - nano;
            }
        }
        long uncertainty = (bestWidth + 1) / 2;
        return new MonotonicClock(Math.abs(bestOffset) <= uncertainty ? 0 : bestOffset, uncertainty);
    }

    /** CLOCK_MONOTONIC now, in ns, from {@code nanoTime}. */
    public long now() {
        return System.nanoTime() + offsetNs;
    }

    private static long monotonic(long[] ts) {
        if (LibC.clock_gettime(LibC.CLOCK_MONOTONIC, ts) != 0) {
            throw new IllegalStateException("clock_gettime(CLOCK_MONOTONIC) failed");
        }
        return ts[0] * 1_000_000_000L + ts[1];
    }
}
