package dev.frameloop.collector.bpf;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructViewTest {
    /** struct { s64 code; u32 kind; s32 cpu; char reason[8]; } */
    private static final StructLayout EXIT = new StructLayout("exit", 24, List.of(
            new StructLayout.Member("code", 0, 8),
            new StructLayout.Member("kind", 8, 4),
            new StructLayout.Member("cpu", 12, 4),
            new StructLayout.Member("reason", 16, 8)));

    private static ByteBuffer sample(int base) {
        ByteBuffer b = ByteBuffer.allocate(base + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(base, -5L);
        b.putInt(base + 8, 0xfffffffe);
        b.putInt(base + 12, -1);
        byte[] reason = "stall\0xy".getBytes(StandardCharsets.US_ASCII);
        b.position(base + 16);
        b.put(reason);
        b.position(0);
        return b;
    }

    @Test
    void shouldReadMembersByNameAtTheirOffsets() {
        StructView v = new StructView(EXIT, sample(16), 16);

        assertEquals(-5L, v.s64("code"));
        assertEquals(0xfffffffeL, v.u32("kind"));
        assertEquals(-1, v.s32("cpu"));
        assertEquals("stall", v.string("reason"));
    }

    @Test
    void shouldReadAStringThatFillsItsWholeArray() {
        ByteBuffer b = sample(0);
        b.put(16, "abcdefgh".getBytes(StandardCharsets.US_ASCII));

        assertEquals("abcdefgh", new StructView(EXIT, b, 0).string("reason"));
    }

    @Test
    void shouldRefuseToReadAMemberAtTheWrongWidth() {
        StructView v = new StructView(EXIT, sample(0), 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.u64("kind"));
        assertTrue(e.getMessage().contains("exit.kind is 4 bytes"), e.getMessage());
    }

    @Test
    void shouldNameTheMembersThatExistWhenOneIsMissing() {
        StructView v = new StructView(EXIT, sample(0), 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.u32("flags"));
        assertTrue(e.getMessage().contains("no member flags") && e.getMessage().contains("reason"), e.getMessage());
    }

    @Test
    void shouldReadElementsOfAnArrayMember() {
        StructLayout counters = new StructLayout("counters", 24, List.of(
                new StructLayout.Member("total", 0, 8), new StructLayout.Member("by_kind", 8, 16)));
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 3).putLong(8, 1).putLong(16, 2);
        StructView v = new StructView(counters, b, 0);

        assertEquals(2, v.u64Count("by_kind"));
        assertEquals(1, v.u64("by_kind", 0));
        assertEquals(2, v.u64("by_kind", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.u64("by_kind", 2));
        assertEquals("struct counters.by_kind is 16 bytes: no 8-byte element 2", e.getMessage());
    }

    @Test
    void shouldRejectAViewThatDoesNotFitTheBuffer() {
        assertThrows(IllegalArgumentException.class, () -> new StructView(EXIT, ByteBuffer.allocate(30), 8));
    }

    @Test
    void shouldRejectALayoutWhoseMemberEndsPastTheStruct() {
        assertThrows(IllegalArgumentException.class, () -> new StructLayout("bad", 8,
                List.of(new StructLayout.Member("x", 4, 8))));
    }
}
