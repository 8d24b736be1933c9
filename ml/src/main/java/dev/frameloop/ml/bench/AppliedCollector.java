package dev.frameloop.ml.bench;

import dev.frameloop.core.event.EventHeaderFlyweight;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.PolicyAppliedEventFlyweight;
import dev.frameloop.core.ring.EventHandler;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The second reader's handler: keeps each policy-applied event's entry timestamp and time
 * (growing arrays, read after the reader stopped). Other records are counted as malformed.
 */
final class AppliedCollector implements EventHandler {
    private final EventHeaderFlyweight header = new EventHeaderFlyweight();
    private final PolicyAppliedEventFlyweight applied = new PolicyAppliedEventFlyweight();
    private long[] entryNs;
    private long[] appliedNs;
    private int count;
    private long malformed;

    AppliedCollector(int expected) {
        entryNs = new long[Math.max(16, expected)];
        appliedNs = new long[entryNs.length];
    }

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        if (length < EventType.POLICY_APPLIED.size() || header.wrap(buffer, offset).type() != EventType.POLICY_APPLIED.code()) {
            malformed++;
            return;
        }
        if (count == entryNs.length) {
            entryNs = Arrays.copyOf(entryNs, count * 2);
            appliedNs = Arrays.copyOf(appliedNs, count * 2);
        }
        applied.wrap(buffer, offset);
        entryNs[count] = applied.entryTimestampNs();
        appliedNs[count] = header.timestampNs();
        count++;
    }

    long[] entryNs() {
        return Arrays.copyOf(entryNs, count);
    }

    long[] appliedNs() {
        return Arrays.copyOf(appliedNs, count);
    }

    long malformed() {
        return malformed;
    }
}
