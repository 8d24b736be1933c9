package dev.frameloop.collector.ring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemlockBudgetTest {

    @ParameterizedTest
    @CsvSource({
            "4.19.0-21-amd64, true",
            "5.10.0-30-amd64, true",
            "5.11.0, false",
            "6.18.44-fc-v782, false",
            "7.2.13+deb14-amd64, false",
            "weird, true",
    })
    void shouldKnowWhichKernelsChargeBpfMemoryToTheMemlockLimit(String release, boolean charged) {
        assertEquals(charged, MemlockBudget.kernelChargesMemlock(release));
    }
}
