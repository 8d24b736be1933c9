package dev.frameloop.collector.bench;

import dev.frameloop.core.event.BenchRecordFlyweight;
import dev.frameloop.core.ring.EventHandler;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;

/**
 * The latency handler: for each bench record, CLOCK_MONOTONIC now minus the record's
 * {@code bpf_ktime_get_ns()} stamp, into an HdrHistogram (ns, 3 significant digits, no resizing:
 * recording allocates nothing). The first {@code warmup} records (by seq) are not recorded.
 * Written on the consumer thread; {@link #count()} may be read from others.
 */
final class LatencyRecorder implements EventHandler {
    /** Highest latency the histogram tracks: 60 s. */
    static final long HIGHEST_NS = 60_000_000_000L;

    private final BenchRecordFlyweight record = new BenchRecordFlyweight();
    private final Histogram histogram = new Histogram(1, HIGHEST_NS, 3);
    private final MonotonicClock clock;
    private final long firstRecordedSeq;
    private long expectedSeq = -1;
    private long orderErrors;
    private volatile long count;

    /**
     * @param clock            maps nanoTime to CLOCK_MONOTONIC
     * @param firstRecordedSeq records with a lower seq are warmup
     */
    LatencyRecorder(MonotonicClock clock, long firstRecordedSeq) {
        this.clock = clock;
        this.firstRecordedSeq = firstRecordedSeq;
    }

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        long now = clock.now();
        record.wrap(buffer, offset);
        long seq = record.seq();
        if (expectedSeq >= 0 && seq != expectedSeq) {
            orderErrors++;
        }
        expectedSeq = seq + 1;
        if (seq >= firstRecordedSeq) {
            histogram.recordValue(Math.min(Math.max(1, now - record.timestampNs()), HIGHEST_NS));
        }
        count++;
    }

    /** Records seen (warmup included). */
    long count() {
        return count;
    }

    long orderErrors() {
        return orderErrors;
    }

    /** The recorded latencies; read after the consumer stopped. */
    Histogram histogram() {
        return histogram;
    }
}
