package dev.frameloop.collector.sched;

import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.BoostPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyRequestTest {

    @Test
    void shouldParseATidARoleAndDefaults() {
        PolicyRequest r = PolicyRequest.parse("1234=render");

        assertEquals(new PolicyRequest(1234, ThreadClass.RENDER, Duration.ofMinutes(1), 0, Duration.ZERO), r);
        assertEquals("tid 1234 as render for 1m (default boost, default slice)", r.describe());
    }

    @Test
    void shouldParseEveryKey() {
        PolicyRequest r = PolicyRequest.parse("77=Audio,for=5s,boost=400,slice=3ms");

        assertEquals(new PolicyRequest(77, ThreadClass.AUDIO, Duration.ofSeconds(5), 400, Duration.ofMillis(3)), r);
        assertEquals("tid 77 as audio for 5s (boost 400 %, slice 3ms)", r.describe());
    }

    @Test
    void shouldTurnIntoAnEntryThatExpiresAfterItsLifetime() {
        BoostPolicy p = PolicyRequest.parse("77=game,for=2s,slice=1ms").at(1_000L);

        assertEquals(new BoostPolicy(77, ThreadClass.GAME, 0, 1_000_000L, 1_000L, 2_000_001_000L), p);
    }

    @Test
    void shouldExplainWhatIsWrong() {
        assertEquals("invalid policy '12': use TID=ROLE[,for=D][,boost=PCT][,slice=D], e.g. 1234=render,for=30s"
                        + " (roles: input, render, audio, compositor, game, background)",
                assertThrows(IllegalArgumentException.class, () -> PolicyRequest.parse("12")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PolicyRequest.parse("12=unknown")).getMessage()
                .startsWith("invalid policy '12=unknown': unknown role 'unknown'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PolicyRequest.parse("x=game")).getMessage()
                .startsWith("invalid policy 'x=game': tid must be a positive integer, was 'x'"));
        assertEquals("invalid policy '12=game,boost=5': boost must be 10..10000 percent",
                assertThrows(IllegalArgumentException.class, () -> PolicyRequest.parse("12=game,boost=5")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PolicyRequest.parse("12=game,until=5s")).getMessage()
                .startsWith("invalid policy '12=game,until=5s': unknown key 'until'"));
        assertEquals("invalid policy '12=game,for=0s': for must be positive",
                assertThrows(IllegalArgumentException.class, () -> PolicyRequest.parse("12=game,for=0s")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PolicyRequest.parse("12=game,for=5")).getMessage()
                .startsWith("invalid duration '5'"));
    }
}
