package dev.frameloop.collector.ring;

import dev.frameloop.core.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingStreamTest {

    @Test
    void shouldFindStreamsByTheRingMapNamingConvention() {
        assertEquals(Optional.of(RingStream.FRAME_TIMING), RingStream.ofSingleRing("fl_rb_frame_timing"));
        assertEquals(Optional.of(RingStream.INPUT), RingStream.ofRingSet("fl_rbs_input"));
        assertEquals(Optional.of(RingStream.BENCH_SET), RingStream.ofRingSet("fl_rbs_bench_set"));
        assertEquals(Optional.empty(), RingStream.ofSingleRing("fl_rbs_input"), "a set is not a single ring");
        assertEquals(Optional.empty(), RingStream.ofRingSet("fl_rb_input"), "a single ring is not a set");
        assertEquals(Optional.empty(), RingStream.ofSingleRing("fl_rb_unknown"));
        assertEquals(Optional.empty(), RingStream.ofSingleRing("gamer.bss"));
    }

    @Test
    void shouldUseTheEventTypeCodeAsTheStreamIdOfEveryEventStream() {
        Set<Integer> ids = new HashSet<>();
        for (RingStream stream : RingStream.values()) {
            assertTrue(stream.id() >= 0 && stream.id() < RingStream.STREAMS_MAX, stream.name());
            assertTrue(ids.add(stream.id()), "stream ids are distinct: " + stream.name());
            stream.eventType().ifPresent(type -> assertEquals(type.code(), stream.id(), stream.name()));
        }
        for (EventType type : EventType.values()) {
            if (type == EventType.POLICY_DECISION) {
                continue; // written by the loop in userspace: no ring
            }
            assertTrue(RingStream.ofSingleRing("fl_rb_" + type.name().toLowerCase()).isPresent(), type.name());
        }
        assertEquals(0, RingStream.BENCH.id(), "FL_RING_STREAM_BENCH");
        assertEquals(15, RingStream.BENCH_SET.id(), "FL_RING_STREAM_BENCH_SET");
    }
}
