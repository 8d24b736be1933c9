package dev.frameloop.ml.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void shouldReadUnitsBareSecondsAndIso() {
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(30), converter.convert("30s"));
        assertEquals(Duration.ofSeconds(45), converter.convert("45"));
        assertEquals(Duration.ofMinutes(10), converter.convert("10m"));
        assertEquals(Duration.ofHours(2), converter.convert("2h"));
        assertEquals(Duration.ofSeconds(90), converter.convert("PT1M30S"));
    }

    @Test
    void shouldFormatInTheLargestExactUnit() {
        assertEquals("5s", DurationConverter.format(Duration.ofSeconds(5)));
        assertEquals("90s", DurationConverter.format(Duration.ofSeconds(90)));
        assertEquals("10m", DurationConverter.format(Duration.ofMinutes(10)));
        assertEquals("2h", DurationConverter.format(Duration.ofHours(2)));
        assertEquals("1500ms", DurationConverter.format(Duration.ofMillis(1500)));
    }

    @Test
    void shouldRefuseWhatIsNotADuration() {
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("ten minutes"));
    }
}
