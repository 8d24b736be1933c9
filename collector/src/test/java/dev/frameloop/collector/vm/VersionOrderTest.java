package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionOrderTest {

    @Test
    void shouldCompareNumbersAsNumbers() {
        List<String> releases = new ArrayList<>(List.of("7.10.1+deb14-amd64", "7.2.13+deb14-amd64", "7.2.9+deb14-amd64",
                "6.18.3-amd64", "7.2.13+deb14-amd64-extra", "10.0"));
        releases.sort(VersionOrder.INSTANCE);

        assertEquals(List.of("6.18.3-amd64", "7.2.9+deb14-amd64", "7.2.13+deb14-amd64", "7.2.13+deb14-amd64-extra",
                "7.10.1+deb14-amd64", "10.0"), releases);
    }

    @Test
    void shouldTreatEqualNamesAsEqual() {
        assertEquals(0, VersionOrder.INSTANCE.compare("7.2.13", "7.2.13"));
    }
}
