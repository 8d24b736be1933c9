package dev.frameloop.collector.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingSizeTest {

    @ParameterizedTest
    @CsvSource({
            "256KiB, 1, 262144, false, 256KiB",
            "16x64KiB, 16, 65536, true, 16x64KiB",
            "1MiB, 1, 1048576, false, 1MiB",
            "65536, 1, 65536, false, 64KiB",
            "4x32k, 4, 32768, true, 4x32KiB",
            "1x4096B, 1, 4096, true, 1x4KiB",
            "2 x 1m, 2, 1048576, true, 2x1MiB",
    })
    void shouldParseSingleRingsAndSetsAndPrintThemBack(String text, int shards, int bytes, boolean set, String printed) {
        RingSize size = RingSize.parse(text);

        assertEquals(shards, size.shards());
        assertEquals(bytes, size.bytesPerRing());
        assertEquals(set, size.set());
        assertEquals(printed, size.toString());
        assertEquals(size, RingSize.parse(size.toString()), "toString reads back");
    }

    @Test
    void shouldCountEveryShardInTheMemoryCost() {
        assertEquals(1L << 20, RingSize.parse("16x64KiB").totalBytes());
        assertEquals(512L << 10, RingSize.parse("16x32KiB").totalBytes());
        assertEquals(256L << 10, RingSize.parse("256KiB").totalBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3KiB", "48KiB", "2KiB", "1GiB", "65x4KiB", "0x64KiB", "64 furlongs", "abc", "", "-4KiB"})
    void shouldRejectSizesTheKernelOrTheReaderCannotTake(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RingSize.parse(text));

        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void shouldSayWhatIsWrongWithASize() {
        assertTrue(RingSize.parse("4KiB").toString().equals("4KiB"));
        assertEquals("a ring must be a power of two from 4KiB to 512MiB, got 49152 bytes (48KiB)",
                assertThrows(IllegalArgumentException.class, () -> RingSize.parse("48KiB")).getMessage());
        assertEquals("a ring set has 1 to 64 shards, got 65",
                assertThrows(IllegalArgumentException.class, () -> RingSize.parse("65x4KiB")).getMessage());
        assertEquals("'1GiB': unknown unit 'gib'; use B, KiB or MiB",
                assertThrows(IllegalArgumentException.class, () -> RingSize.parse("1GiB")).getMessage());
    }

    @Test
    void shouldWriteMemoryForPeople() {
        assertEquals("1 MiB", RingSize.humanSpaced(1L << 20));
        assertEquals("1536 KiB", RingSize.humanSpaced(1536L << 10));
        assertEquals("100 B", RingSize.humanSpaced(100));
    }
}
