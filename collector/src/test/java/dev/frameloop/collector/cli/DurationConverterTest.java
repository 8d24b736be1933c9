package dev.frameloop.collector.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "90s,90000", "5m,300000", "1h,3600000", "1h30m,5400000", "2d,172800000", "0s,0", " 20s ,20000"})
    void shouldParseNumbersWithUnits(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "5x", "-5s", "1.5s", "s", "5 s", "1h 30m", "5S", "9999999999s"})
    void shouldRejectTextThatIsNotADuration(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse(text));
        assertTrue(e.getMessage().contains("invalid duration '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("90s"), "the message shows an example: " + e.getMessage());
    }

    @Test
    void shouldRejectNull() {
        assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20s", "10m", "1h30m", "500ms", "1d2h3m4s5ms"})
    void shouldFormatWhatItParses(String text) {
        assertEquals(text, DurationConverter.format(DurationConverter.parse(text)));
    }

    @Test
    void shouldTurnBadInputIntoAPicocliConversionError() {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> new DurationConverter().convert("soon"));
        assertTrue(e.getMessage().contains("soon"), e.getMessage());
    }
}
