package dev.frameloop.core.policy;

import dev.frameloop.core.event.ThreadClass;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InMemoryPolicyWriterTest {
    private static BoostPolicy policy(int tid, ThreadClass role) {
        return new BoostPolicy(tid, role, 0, 0, 100, 200);
    }

    @Test
    void shouldHoldAtMostItsCapacityButReplaceWithoutRoom() {
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(2);

        writer.apply(List.of(policy(1, ThreadClass.RENDER), policy(2, ThreadClass.INPUT)), List.of());
        PolicyBatchResult result = writer.apply(List.of(policy(3, ThreadClass.AUDIO), policy(1, ThreadClass.GAME)), List.of());

        assertEquals(1, result.written());
        assertEquals(Map.of(3, PolicyWriteFailure.MAP_FULL), result.failedWrites());
        assertEquals(ThreadClass.GAME, writer.entries().get(1).role());
        assertEquals(List.of(1, 2), List.copyOf(writer.entries().keySet()));
    }

    @Test
    void shouldRefuseUnknownTidsAndCountEverything() {
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(8, tid -> tid < 100);

        writer.apply(List.of(policy(1, ThreadClass.RENDER), policy(500, ThreadClass.RENDER)), List.of());
        writer.apply(List.of(), List.of(1, 2));

        assertEquals(new PolicyWriterCounts(2, 1, 1, 0, 1, 0), writer.counts());
        assertEquals("2 batches: 1 written, 1 deleted; failed: 0 map full, 1 unknown tid, 0 errors",
                writer.counts().describe());
        assertEquals(Map.of(), writer.entries());
    }
}
