package dev.frameloop.ml.features;

/**
 * Events of the recent past in arrival order: a timestamp and two payload values each, in growable
 * primitive rings (no allocation once the ring is large enough for the look-back). Timestamps must
 * not decrease.
 */
final class TimeLog {
    private long[] times = new long[64];
    private long[] first = new long[64];
    private long[] second = new long[64];
    private int head;
    private int size;

    void add(long timeNs, long a, long b) {
        if (size == times.length) {
            grow();
        }
        int slot = (head + size) & (times.length - 1);
        times[slot] = timeNs;
        first[slot] = a;
        second[slot] = b;
        size++;
    }

    /** Drops entries older than {@code oldestKeptNs}. */
    void evictBefore(long oldestKeptNs) {
        while (size > 0 && times[head] < oldestKeptNs) {
            head = (head + 1) & (times.length - 1);
            size--;
        }
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[(head + i) & (times.length - 1)];
    }

    long first(int i) {
        return first[(head + i) & (times.length - 1)];
    }

    long second(int i) {
        return second[(head + i) & (times.length - 1)];
    }

    /** Entries with {@code from <= time < to}. */
    int countBetween(long fromNs, long toNs) {
        int count = 0;
        for (int i = size - 1; i >= 0; i--) {
            long t = time(i);
            if (t < fromNs) {
                break;
            }
            if (t < toNs) {
                count++;
            }
        }
        return count;
    }

    /** Entries with {@code from <= time < to} and the given first payload. */
    int countBetween(long fromNs, long toNs, long firstValue) {
        int count = 0;
        for (int i = size - 1; i >= 0; i--) {
            long t = time(i);
            if (t < fromNs) {
                break;
            }
            if (t < toNs && first(i) == firstValue) {
                count++;
            }
        }
        return count;
    }

    private void grow() {
        int n = times.length;
        long[] t = new long[n * 2];
        long[] a = new long[n * 2];
        long[] b = new long[n * 2];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (n - 1);
            t[i] = times[slot];
            a[i] = first[slot];
            b[i] = second[slot];
        }
        times = t;
        first = a;
        second = b;
        head = 0;
    }
}
