package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.BoostPolicy;
import dev.frameloop.core.policy.PolicyBatchResult;
import dev.frameloop.core.policy.PolicyWriteFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MapPolicyWriterTest {
    /** A hash map of {@code capacity} tids that fails as the kernel does; tid 13 fails with EPERM. */
    private static final class FakeMap implements MapPolicyWriter.Target {
        final Map<Integer, BoostPolicy> entries = new TreeMap<>();
        final int capacity;
        int publishes;

        FakeMap(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public void put(BoostPolicy policy) {
            if (policy.tid() == 13) {
                throw new BpfException("updating map boost_policy", -Errno.EPERM, "");
            }
            if (!entries.containsKey(policy.tid()) && entries.size() >= capacity) {
                throw new BpfException("updating map boost_policy", -Errno.E2BIG, "");
            }
            entries.put(policy.tid(), policy);
        }

        @Override
        public boolean remove(int tid) {
            return entries.remove(tid) != null;
        }

        @Override
        public void publish() {
            publishes++;
        }
    }

    private static BoostPolicy policy(int tid) {
        return new BoostPolicy(tid, ThreadClass.RENDER, 0, 0, 1_000, 2_000);
    }

    @Test
    void shouldWriteDeleteAndTellTheSchedulerOncePerBatch() {
        FakeMap map = new FakeMap(10);
        MapPolicyWriter writer = new MapPolicyWriter(map, tid -> true);

        PolicyBatchResult first = writer.apply(List.of(policy(1), policy(2), policy(3)), List.of());
        PolicyBatchResult second = writer.apply(List.of(policy(4)), List.of(1, 2, 99));

        assertEquals(3, first.written());
        assertEquals(1, second.written());
        assertEquals(2, second.deleted(), "99 had no entry");
        assertEquals(List.of(3, 4), List.copyOf(map.entries.keySet()));
        assertEquals(2, map.publishes);
        assertEquals(2, writer.counts().batches());
        assertEquals(4, writer.counts().written());
        assertEquals(2, writer.counts().deleted());
    }

    @Test
    void shouldCountAFullMapAnUnknownTidAndOtherErrorsAndWriteTheRest() {
        FakeMap map = new FakeMap(2);
        MapPolicyWriter writer = new MapPolicyWriter(map, tid -> tid != 7);

        PolicyBatchResult result = writer.apply(List.of(policy(1), policy(7), policy(13), policy(2), policy(3)), List.of());

        assertEquals(2, result.written());
        assertEquals(Map.of(7, PolicyWriteFailure.UNKNOWN_TID, 13, PolicyWriteFailure.ERROR, 3, PolicyWriteFailure.MAP_FULL),
                result.failedWrites());
        assertEquals(1, writer.counts().mapFull());
        assertEquals(1, writer.counts().unknownTid());
        assertEquals(1, writer.counts().errors());
        assertEquals(1, map.publishes);
    }

    @Test
    void shouldNotTouchTheMapForAnEmptyBatch() {
        FakeMap map = new FakeMap(2);
        MapPolicyWriter writer = new MapPolicyWriter(map, tid -> true);

        writer.apply(List.of(), List.of());
        writer.apply(List.of(), List.of(5));

        assertEquals(0, map.publishes, "nothing changed");
        assertEquals(1, writer.counts().batches());
    }
}
