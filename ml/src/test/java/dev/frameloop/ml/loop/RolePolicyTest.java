package dev.frameloop.ml.loop;

import dev.frameloop.core.event.ThreadClass;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RolePolicyTest {
    private static final long S = 1_000_000_000L;
    private static final PolicySettings SETTINGS = new PolicySettings(0.6, 2, 3 * S, S, 50, Map.of(ThreadClass.RENDER, 400),
            Map.of(ThreadClass.RENDER, 2_000_000L));

    private static RolePrediction render(double confidence) {
        return new RolePrediction(ThreadClass.RENDER, confidence);
    }

    @Test
    void shouldWriteARoleOnlyAfterTheHysteresisWindowsAgree() {
        RolePolicy policy = new RolePolicy(SETTINGS);

        assertNull(policy.onPrediction(1 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)));
        PolicyDecision d = policy.onPrediction(2 * S, 10, 11, ThreadClass.BACKGROUND, render(0.8));

        assertNotNull(d);
        assertEquals(PolicyDecision.Action.WRITE, d.action());
        assertEquals("new", d.reason());
        assertEquals(ThreadClass.RENDER, d.policy().role());
        assertEquals(400, d.policy().boostPercent());
        assertEquals(2_000_000L, d.policy().sliceNs());
        assertEquals(2 * S, d.policy().entryTimestampNs());
        assertEquals(5 * S, d.policy().expiryNs());
        assertEquals(1, policy.held());
    }

    @Test
    void shouldNotFlapWhenPredictionsAlternate() {
        RolePolicy policy = new RolePolicy(SETTINGS);
        policy.onPrediction(1 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9));
        assertNotNull(policy.onPrediction(2 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)));

        for (int w = 3; w <= 10; w++) {
            ThreadClass role = w % 2 == 0 ? ThreadClass.RENDER : ThreadClass.GAME;
            PolicyDecision d = policy.onPrediction(w * S, 10, 11, ThreadClass.BACKGROUND, new RolePrediction(role, 0.9));
            assertNull(d, "window " + w + " wrote " + d);
        }
        assertEquals(ThreadClass.RENDER, policy.writtenRole(11), "the first role stays until another is stable");

        policy.onPrediction(12 * S, 10, 11, ThreadClass.BACKGROUND, new RolePrediction(ThreadClass.GAME, 0.9));
        PolicyDecision change = policy.onPrediction(12 * S + 1, 10, 11, ThreadClass.BACKGROUND,
                new RolePrediction(ThreadClass.GAME, 0.9));
        assertEquals("changed", change.reason());
        assertEquals(ThreadClass.GAME, change.role());
    }

    @Test
    void shouldIgnorePredictionsBelowTheConfidenceFloorAndRestartTheRun() {
        RolePolicy policy = new RolePolicy(SETTINGS);

        assertNull(policy.onPrediction(1 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)));
        assertNull(policy.onPrediction(2 * S, 10, 11, ThreadClass.BACKGROUND, render(0.59)));
        assertNull(policy.onPrediction(3 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)));

        assertEquals(1, policy.lowConfidence());
        assertNotNull(policy.onPrediction(4 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)));
    }

    @Test
    void shouldWriteNothingWhereTheHeuristicAlreadyAgrees() {
        RolePolicy policy = new RolePolicy(SETTINGS);

        for (int w = 1; w <= 4; w++) {
            assertNull(policy.onPrediction(w * S, 10, 11, ThreadClass.RENDER, render(0.9)));
        }
        assertEquals(3, policy.agreeing());
    }

    @Test
    void shouldRefreshAStillPredictedEntryBeforeItExpiresAndDeleteItOnceExpired() {
        RolePolicy policy = new RolePolicy(SETTINGS);
        policy.onPrediction(1 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9));
        policy.onPrediction(2 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9));

        assertNull(policy.onPrediction(3 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)), "2 s of 3 s left");
        PolicyDecision refresh = policy.onPrediction(4 * S + 1, 10, 11, ThreadClass.BACKGROUND, render(0.9));
        assertEquals("refresh", refresh.reason());
        assertEquals(7 * S + 1, refresh.policy().expiryNs());

        assertEquals(List.of(), policy.expire(7 * S));
        List<PolicyDecision> expired = policy.expire(7 * S + 1);
        assertEquals(1, expired.size());
        assertEquals(PolicyDecision.Action.DELETE, expired.get(0).action());
        assertEquals("expired", expired.get(0).reason());
        assertNull(policy.writtenRole(11));
    }

    @Test
    void shouldLimitWritesPerSecondAndWriteTheRestLater() {
        RolePolicy policy = new RolePolicy(new PolicySettings(0.6, 1, 3 * S, S, 2, Map.of(), Map.of()));

        int written = 0;
        for (int tid = 1; tid <= 5; tid++) {
            if (policy.onPrediction(S, 1, tid, ThreadClass.BACKGROUND, render(0.9)) != null) {
                written++;
            }
        }
        assertEquals(2, written);
        assertEquals(3, policy.rateLimited());

        int later = 0;
        for (int tid = 1; tid <= 5; tid++) {
            if (policy.onPrediction(2 * S, 1, tid, ThreadClass.BACKGROUND, render(0.9)) != null) {
                later++;
            }
        }
        assertEquals(2, later, "one second later two more tokens");
    }

    @Test
    void shouldDeleteTheEntriesOfAThreadThatExited() {
        RolePolicy policy = new RolePolicy(SETTINGS);
        policy.onPrediction(1 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9));
        policy.onPrediction(2 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9));
        policy.onPrediction(2 * S, 10, 12, ThreadClass.BACKGROUND, render(0.9));

        assertEquals(List.of(11, 12), policy.threadsOf(10));
        PolicyDecision d = policy.onExit(3 * S, 11);
        assertEquals("exited", d.reason());
        assertNull(policy.onExit(3 * S, 12), "12 had no entry yet");
        assertEquals(List.of(), policy.threadsOf(10));
    }

    @Test
    void shouldTryAgainAfterAFailedWrite() {
        RolePolicy policy = new RolePolicy(SETTINGS);
        policy.onPrediction(1 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9));
        assertNotNull(policy.onPrediction(2 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)));

        policy.onWriteFailed(11);

        assertNull(policy.writtenRole(11));
        assertNull(policy.onPrediction(3 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)), "hysteresis again");
        assertEquals("new", policy.onPrediction(4 * S, 10, 11, ThreadClass.BACKGROUND, render(0.9)).reason());
    }

    @Test
    void shouldRefuseSettingsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.with(1.5, 2, S, 10));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.with(0.5, 0, S, 10));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.with(0.5, 2, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.with(0.5, 2, S, 0));
        assertThrows(IllegalArgumentException.class, () -> new PolicySettings(0.5, 2, S, S / 2, 10,
                Map.of(ThreadClass.RENDER, 5), Map.of()));
    }
}
