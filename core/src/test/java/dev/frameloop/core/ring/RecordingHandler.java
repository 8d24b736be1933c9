package dev.frameloop.core.ring;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test handler that copies every payload it gets (allocates: protocol tests only). */
final class RecordingHandler implements EventHandler {
    final List<byte[]> payloads = new ArrayList<>();
    final List<Integer> ringIds = new ArrayList<>();

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        if (!buffer.isReadOnly()) {
            throw new AssertionError("handlers must get a read-only view");
        }
        byte[] copy = new byte[length];
        buffer.get(offset, copy);
        payloads.add(copy);
        ringIds.add(ringId);
    }

    /** Asserts payload {@code index} has {@code length} bytes of {@link SimulatedRingProducer#pattern}(seed). */
    void assertPayload(int index, int length, long seed) {
        byte[] payload = payloads.get(index);
        if (payload.length != length) {
            throw new AssertionError("payload " + index + ": length " + payload.length + ", expected " + length);
        }
        for (int i = 0; i < length; i++) {
            if (payload[i] != SimulatedRingProducer.pattern(seed, i)) {
                throw new AssertionError("payload " + index + " byte " + i + ": " + payload[i] + ", expected "
                        + SimulatedRingProducer.pattern(seed, i));
            }
        }
    }
}
