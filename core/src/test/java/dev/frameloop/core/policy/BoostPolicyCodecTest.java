package dev.frameloop.core.policy;

import dev.frameloop.core.event.ThreadClass;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoostPolicyCodecTest {
    private static final BoostPolicy RENDER = new BoostPolicy(4242, ThreadClass.RENDER, 400, 3_000_000L,
            0x0102030405060708L, 0x1112131415161718L);

    @Test
    void shouldWriteTheValueByteForByteAsPolicyHLaysItOut() {
        ByteBuffer value = ByteBuffer.allocate(BoostPolicyLayout.SIZE + 4);
        value.put(0, (byte) 0x55);

        BoostPolicyCodec.encode(RENDER, value, 4);

        assertEquals("55000000"
                        + "0807060504030201"   // entry_timestamp_ns
                        + "1817161514131211"   // expiry_ns
                        + "c0c62d0000000000"   // slice_ns 3,000,000
                        + "0000000000000000"   // applied_ns
                        + "90010000"           // boost 400
                        + "00000000"           // flags
                        + "02" + "00" + "0000" // role render, pad0, pad1
                        + "00000000",          // pad2
                HexFormat.of().formatHex(value.array()));
    }

    @Test
    void shouldWriteTheKeyAsALittleEndianU32() {
        ByteBuffer key = ByteBuffer.allocate(BoostPolicyLayout.KEY_SIZE);

        BoostPolicyCodec.encodeKey(0x01020304, key, 0);

        assertArrayEquals(new byte[] {4, 3, 2, 1}, key.array());
    }

    @Test
    void shouldReadBackWhatItWroteWithTheSchedulersNotes() {
        ByteBuffer value = ByteBuffer.allocate(BoostPolicyLayout.SIZE);
        BoostPolicyCodec.encode(RENDER, value, 0);
        value.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(BoostPolicyLayout.FLAGS_OFFSET,
                BoostPolicyLayout.FLAG_APPLIED | BoostPolicyLayout.FLAG_EXPIRED);
        value.putLong(BoostPolicyLayout.APPLIED_NS_OFFSET, RENDER.entryTimestampNs() + 1500);

        BoostPolicyEntry entry = BoostPolicyCodec.decode(4242, value, 0);

        assertEquals(RENDER, entry.policy());
        assertTrue(entry.applied());
        assertTrue(entry.expired());
        assertEquals(1500, entry.applyLatencyNs());
    }

    @Test
    void shouldReportAnEntryTheSchedulerHasNotUsedAsNotApplied() {
        ByteBuffer value = ByteBuffer.allocate(BoostPolicyLayout.SIZE);
        BoostPolicyCodec.encode(RENDER, value, 0);

        BoostPolicyEntry entry = BoostPolicyCodec.decode(4242, value, 0);

        assertFalse(entry.applied());
        assertFalse(entry.expired());
        assertEquals(-1, entry.applyLatencyNs());
    }

    @Test
    void shouldRejectAValueWithAnUnknownRole() {
        ByteBuffer value = ByteBuffer.allocate(BoostPolicyLayout.SIZE);
        BoostPolicyCodec.encode(RENDER, value, 0);
        value.put(BoostPolicyLayout.ROLE_OFFSET, (byte) 42);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoostPolicyCodec.decode(7, value, 0));
        assertEquals("boost_policy entry of tid 7 has an unknown role 42", e.getMessage());
    }

    @Test
    void shouldRoundTripTheGeneration() {
        ByteBuffer ctl = ByteBuffer.allocate(BoostPolicyLayout.CTL_SIZE);

        BoostPolicyCodec.encodeGeneration(0x0A0B0C0DL, ctl, 0);

        assertEquals("0d0c0b0a00000000", HexFormat.of().formatHex(ctl.array()));
        assertEquals(0x0A0B0C0DL, BoostPolicyCodec.decodeGeneration(ctl, 0));
    }

    @Test
    void shouldRefuseEntriesTheSchedulerWouldMisread() {
        assertEquals("role must be a class (input, render, audio, compositor, game, background), not unknown",
                assertThrows(IllegalArgumentException.class,
                        () -> new BoostPolicy(1, ThreadClass.UNKNOWN, 0, 0, 1, 2)).getMessage());
        assertEquals("boost must be 0 (the role's default) or 10..10000 percent, was 5",
                assertThrows(IllegalArgumentException.class,
                        () -> new BoostPolicy(1, ThreadClass.GAME, 5, 0, 1, 2)).getMessage());
        assertEquals("entry timestamp must be > 0 ns, was 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new BoostPolicy(1, ThreadClass.GAME, 0, 0, 0, 2)).getMessage());
        assertEquals("expiry (5 ns) must be after the entry timestamp (5 ns)",
                assertThrows(IllegalArgumentException.class,
                        () -> new BoostPolicy(1, ThreadClass.GAME, 0, 0, 5, 5)).getMessage());
        assertEquals("tid must be > 0, was 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new BoostPolicy(0, ThreadClass.GAME, 0, 0, 1, 2)).getMessage());
    }
}
