package dev.frameloop.core.event;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PolicyDecisionEventWriterTest {

    @Test
    void shouldWriteAHeaderAndFieldsTheFlyweightReadsBack() {
        PolicyDecisionEvent write = new PolicyDecisionEvent(0, 123_456_789L, 40, 41, 3_123_456_789L, 8_000_000L, 400,
                987_654, PolicyAction.WRITE, ThreadClass.RENDER, ThreadClass.BACKGROUND, PolicyReason.NEW, false);
        PolicyDecisionEvent delete = new PolicyDecisionEvent(0, 200L, 0, 42, 0, 0, 0, 0, PolicyAction.DELETE,
                ThreadClass.AUDIO, ThreadClass.UNKNOWN, PolicyReason.EXITED, true);
        ByteBuffer buffer = ByteBuffer.allocate(8 + 2 * PolicyDecisionEventLayout.SIZE);
        buffer.put(8, (byte) 0x5a);
        PolicyDecisionEventWriter.write(write, buffer, 8);
        PolicyDecisionEventWriter.write(delete, buffer, 8 + PolicyDecisionEventLayout.SIZE);

        EventHeaderFlyweight header = new EventHeaderFlyweight().wrap(buffer, 8);
        assertEquals(EventType.POLICY_DECISION.code(), header.type());
        assertEquals(EventType.POLICY_DECISION.version(), header.version());
        assertEquals(PolicyDecisionEventLayout.SIZE, header.size());
        PolicyDecisionEventFlyweight flyweight = new PolicyDecisionEventFlyweight();
        assertEquals(write, flyweight.wrap(buffer, 8).toRecord());
        assertEquals(delete, flyweight.wrap(buffer, 8 + PolicyDecisionEventLayout.SIZE).toRecord());
        assertEquals(0, buffer.get(8 + PolicyDecisionEventLayout.PAD0_OFFSET));
    }
}
