package dev.frameloop.core.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Plain little-endian reads at absolute indexes, whatever order the buffer is set to (the
 * wire format is the host's, and frameloop runs on little-endian hosts only). View
 * {@link VarHandle}s compile to single loads; nothing here allocates.
 */
final class LittleEndian {
    private static final VarHandle SHORT = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static int u8(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xFF;
    }

    static int u16(ByteBuffer buffer, int index) {
        return (short) SHORT.get(buffer, index) & 0xFFFF;
    }

    static int s32(ByteBuffer buffer, int index) {
        return (int) INT.get(buffer, index);
    }

    static long u32(ByteBuffer buffer, int index) {
        return s32(buffer, index) & 0xFFFF_FFFFL;
    }

    static long s64(ByteBuffer buffer, int index) {
        return (long) LONG.get(buffer, index);
    }
}
