package dev.frameloop.collector.ring;

import dev.frameloop.core.event.EventHeaderLayout;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import dev.frameloop.core.event.InputEventFlyweight;
import dev.frameloop.core.event.InputEventLayout;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventDispatcherTest {

    private final List<String> calls = new ArrayList<>();
    private final EventSink sink = new EventSink() {
        @Override
        public void onInput(int ringId, InputEventFlyweight event) {
            calls.add("input ring " + ringId + " cpu " + event.cpu() + " device " + event.deviceId());
        }

        @Override
        public void onFrameTiming(int ringId, FrameTimingEventFlyweight event) {
            calls.add("frame_timing ring " + ringId + " at " + event.timestampNs());
        }

        @Override
        public void onMalformed(int ringId, ByteBuffer buffer, int offset, int length, MalformedRecord reason) {
            calls.add("malformed " + reason + " length " + length);
        }
    };

    private static ByteBuffer event(EventType type, int version, int size, int offset) {
        ByteBuffer b = ByteBuffer.allocateDirect(offset + Math.max(size, type.size())).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(offset + EventHeaderLayout.TYPE_OFFSET, (short) type.code());
        b.putShort(offset + EventHeaderLayout.VERSION_OFFSET, (short) version);
        b.putInt(offset + EventHeaderLayout.SIZE_OFFSET, size);
        b.putInt(offset + EventHeaderLayout.CPU_OFFSET, 1);
        b.putLong(offset + EventHeaderLayout.TIMESTAMP_NS_OFFSET, 123_456L);
        return b;
    }

    @Test
    void shouldHandEachEventToItsTypedMethodReadInPlace() {
        EventDispatcher dispatcher = new EventDispatcher(sink);
        ByteBuffer input = event(EventType.INPUT, 1, EventType.INPUT.size(), 8);
        input.putInt(8 + InputEventLayout.DEVICE_ID_OFFSET, 7);
        ByteBuffer frame = event(EventType.FRAME_TIMING, 1, EventType.FRAME_TIMING.size(), 0);

        dispatcher.onEvent(3, input, 8, EventType.INPUT.size());
        dispatcher.onEvent(4, frame, 0, EventType.FRAME_TIMING.size());

        assertEquals(List.of("input ring 3 cpu 1 device 7", "frame_timing ring 4 at 123456"), calls);
        assertEquals(0, dispatcher.malformed());
    }

    @Test
    void shouldSendWhatItCannotDecodeToMalformedAndCountIt() {
        EventDispatcher dispatcher = new EventDispatcher(sink);
        int inputSize = EventType.INPUT.size();

        dispatcher.onEvent(0, event(EventType.INPUT, 2, inputSize, 0), 0, inputSize);
        dispatcher.onEvent(0, event(EventType.INPUT, 1, inputSize - 8, 0), 0, inputSize);
        dispatcher.onEvent(0, event(EventType.INPUT, 1, inputSize, 0), 0, inputSize - 8);
        ByteBuffer unknown = event(EventType.INPUT, 1, inputSize, 0);
        unknown.putShort(EventHeaderLayout.TYPE_OFFSET, (short) 77);
        dispatcher.onEvent(0, unknown, 0, inputSize);
        dispatcher.onEvent(0, event(EventType.INPUT, 1, inputSize, 0), 0, 16);

        assertEquals(List.of("malformed UNKNOWN_VERSION length 48", "malformed WRONG_SIZE length 48",
                "malformed WRONG_SIZE length 40", "malformed UNKNOWN_TYPE length 48", "malformed TOO_SHORT length 16"), calls);
        assertEquals(5, dispatcher.malformed());
    }

    @Test
    void shouldNotAllocatePerEvent() {
        long[] seen = new long[1];
        EventDispatcher dispatcher = new EventDispatcher(new EventSink() {
            @Override
            public void onInput(int ringId, InputEventFlyweight event) {
                seen[0] += event.deviceId();
            }
        });
        ByteBuffer input = event(EventType.INPUT, 1, EventType.INPUT.size(), 0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200_000; i++) {
            dispatcher.onEvent(0, input, 0, EventType.INPUT.size());
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        int events = 1_000_000;
        for (int i = 0; i < events; i++) {
            dispatcher.onEvent(0, input, 0, EventType.INPUT.size());
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < events / 100, "dispatching 1M events allocated " + allocated + " bytes");
        assertEquals(0, dispatcher.malformed());
    }
}
