package dev.frameloop.collector.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RingBenchOptionsTest {

    private static RingBenchOptions options(long events, int size) {
        return new RingBenchOptions(events, size, 5, Duration.ofSeconds(2), List.of(10_000L, 100_000L), Optional.empty(), false);
    }

    @Test
    void shouldSizeTheRingToHoldAWholeRound() {
        assertEquals(64L << 20, options(1_000_000, 32).ringBytes(), "1M x 40 B = 40 MB -> 64 MiB");
        assertEquals(256L << 10, options(1_000, 16).ringBytes(), "never below 256 KiB");
        assertEquals(1L << 30, options(10_000_000, 64).ringBytes(), "10M x 72 B = 720 MB -> 1 GiB, too large: the command says so");
    }

    @Test
    void shouldRunEachLatencyPhaseForItsDurationAtItsRate() {
        assertEquals(20_000, options(1, 16).latencyRecords(10_000));
        assertEquals(200_000, options(1, 16).latencyRecords(100_000));
        assertEquals(100, options(1, 16).latencyRecords(1), "at least 100 records");
    }

    @Test
    void shouldRejectImpossibleOptions() {
        assertEquals("--size must be in [16, 65536] bytes (seq and timestamp take 16), got 8",
                assertThrows(IllegalArgumentException.class, () -> options(1000, 8)).getMessage());
        assertEquals("--events must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> options(0, 32)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RingBenchOptions(1, 32, 1, Duration.ofSeconds(1),
                List.of(0L), Optional.empty(), false));
        assertThrows(IllegalArgumentException.class, () -> new RingBenchOptions(1, 32, 0, Duration.ofSeconds(1),
                List.of(10L), Optional.empty(), false));
    }
}
