package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemorySizeTest {

    @ParameterizedTest
    @CsvSource({"2G,2048", "2g,2048", "512M,512", "1536MiB,1536", "2048,2048", "1T,1048576", "4GB,4096", "1048576K,1024"})
    void shouldParseSizesInMebibytes(String text, long mebibytes) {
        assertEquals(mebibytes, MemorySize.parse(text).mebibytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2X", "-1G", "1.5G", "G", "0", "0G", "512K"})
    void shouldRejectSizesThatAreNotWholePositiveMebibytes(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemorySize.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void shouldGiveQemuMebibytesAndUsersTheShortForm() {
        assertEquals("2048M", MemorySize.parse("2G").qemuArgument());
        assertEquals("2G", MemorySize.parse("2048").toString());
        assertEquals("1536M", MemorySize.parse("1536M").toString());
    }
}
