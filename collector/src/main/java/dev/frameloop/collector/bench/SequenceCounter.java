package dev.frameloop.collector.bench;

import dev.frameloop.core.event.BenchRecordFlyweight;
import dev.frameloop.core.ring.EventHandler;

import java.nio.ByteBuffer;

/**
 * The throughput handler: reads each bench record's seq and counts records and gaps — the same
 * work the C reference consumer's callback does. Allocates nothing.
 */
final class SequenceCounter implements EventHandler {
    private final BenchRecordFlyweight record = new BenchRecordFlyweight();
    private long count;
    private long expectedSeq;
    private long orderErrors;

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        long seq = record.wrap(buffer, offset).seq();
        if (count > 0 && seq != expectedSeq) {
            orderErrors++;
        }
        expectedSeq = seq + 1;
        count++;
    }

    long count() {
        return count;
    }

    long orderErrors() {
        return orderErrors;
    }
}
