package dev.frameloop.core.dataset;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionIdTest {

    @Test
    void shouldEncodeTheStartTimeAndSortByIt() {
        Instant earlier = Instant.parse("2026-01-14T15:30:12.345Z");
        Instant later = Instant.parse("2026-01-14T15:30:12.346Z");
        SessionId first = SessionId.startingAt(earlier);
        SessionId second = SessionId.startingAt(later);

        assertTrue(first.value().startsWith("20260114T153012.345Z-"), first.value());
        assertEquals(earlier, first.startTime());
        assertTrue(first.compareTo(second) < 0);
        assertTrue(first.value().compareTo(second.value()) < 0);
    }

    @Test
    void shouldDifferForSessionsStartedInTheSameMillisecond() {
        Instant now = Instant.parse("2026-01-14T15:30:12.345Z");
        Set<SessionId> ids = new HashSet<>();
        List<SessionId> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SessionId id = SessionId.startingAt(now);
            ids.add(id);
            all.add(id);
        }
        // 24 random bits: 50 draws collide with probability < 1e-4
        assertTrue(ids.size() >= 49, "ids: " + all);
    }

    @Test
    void shouldRoundTripThroughItsText() {
        SessionId id = SessionId.startingAt(Instant.parse("2026-01-14T15:30:12Z"));
        assertEquals(id, SessionId.parse(id.value()));
    }

    @Test
    void shouldRefuseMalformedIds() {
        for (String bad : List.of("", "2026-01-14", "20260114T153012.345Z", "20260114T153012.345Z-XYZ123",
                "../20260114T153012.345Z-3f9a0c", "20260114T153012.345Z-3f9a0c/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionId.parse(bad));
            assertTrue(e.getMessage().contains("not a session id"), e.getMessage());
        }
    }
}
