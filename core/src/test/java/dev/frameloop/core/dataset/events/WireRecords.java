package dev.frameloop.core.dataset.events;

import dev.frameloop.core.event.EventHeaderLayout;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FieldLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Wire records as BPF writes them, for tests: any byte values in every field (so every column
 * is exercised over its whole range), a valid header, zeroed padding; char arrays filled with
 * hostile names in turn (quotes, newlines, markup, invalid UTF-8, no NUL at all).
 */
final class WireRecords {
    /** Names no reader may interpret: each must come back byte for byte. */
    static final List<byte[]> HOSTILE_NAMES = List.of(
            "a\"b'c`d".getBytes(StandardCharsets.UTF_8),
            "x\ny\r\tz".getBytes(StandardCharsets.UTF_8),
            "<script>alert(1".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, (byte) 0xa0, (byte) 0xa1},
            "0123456789abcdef".getBytes(StandardCharsets.UTF_8), // 16 bytes: no NUL in the field
            new byte[0],
            "Robert'); DROP ".getBytes(StandardCharsets.UTF_8),
            "\\N,\"\",NULL".getBytes(StandardCharsets.UTF_8));

    private WireRecords() {
    }

    /** {@code count} records of {@code type}, back to back, each {@code type.size()} bytes. */
    static ByteBuffer random(EventType type, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int size = type.size();
        ByteBuffer buffer = ByteBuffer.allocateDirect(size * count).order(ByteOrder.LITTLE_ENDIAN);
        byte[] bytes = new byte[size];
        for (int i = 0; i < count; i++) {
            random.nextBytes(bytes);
            int base = i * size;
            buffer.put(base, bytes);
            for (FieldLayout field : type.layout().fields()) {
                if (field.name().startsWith("pad")) {
                    buffer.put(base + field.offset(), new byte[field.size()]);
                }
                if (field.name().equals("comm") || field.name().equals("filename")) {
                    byte[] name = HOSTILE_NAMES.get(i % HOSTILE_NAMES.size());
                    byte[] filled = new byte[field.size()];
                    System.arraycopy(name, 0, filled, 0, Math.min(name.length, filled.length));
                    if (field.name().equals("filename") && i % 3 == 0) {
                        random.nextBytes(filled); // any bytes, NULs included: filename_len says how many count
                    }
                    buffer.put(base + field.offset(), filled);
                }
            }
            buffer.putShort(base + EventHeaderLayout.TYPE_OFFSET, (short) type.code());
            buffer.putShort(base + EventHeaderLayout.VERSION_OFFSET, (short) type.version());
            buffer.putInt(base + EventHeaderLayout.SIZE_OFFSET, size);
            buffer.putInt(base + EventHeaderLayout.PAD0_OFFSET, 0);
        }
        return buffer;
    }
}
