package dev.frameloop.ml.loop;

import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.BoostPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns role predictions into {@code boost_policy} decisions:
 * <ul>
 * <li>confidence floor: a prediction below it is ignored and breaks the run of agreeing windows;</li>
 * <li>hysteresis: a role is written only after {@code hysteresisWindows} windows in a row predict it,
 * so one odd window neither creates nor flips an entry;</li>
 * <li>no entry where the scheduler's heuristic already gives the thread that role;</li>
 * <li>TTL: every entry expires by itself ({@code ttlNs} after its write); an entry still predicted
 * is refreshed when less than {@code refreshNs} is left, expired ones are deleted;</li>
 * <li>rate limit: at most {@code maxWritesPerSecond} writes per second of event time (token bucket);
 * a write over the limit waits for a later window;</li>
 * <li>a thread that exited, or that the writer reports unknown, loses its entry and its state.</li>
 * </ul>
 * Deterministic: the same predictions at the same times give the same decisions. Single thread.
 */
public final class RolePolicy {
    private final PolicySettings settings;
    private final Map<Integer, Tracked> threads = new HashMap<>();
    private double tokens;
    private long lastRefillNs = Long.MIN_VALUE;
    private long lowConfidence;
    private long held;
    private long agreeing;
    private long rateLimited;

    public RolePolicy(PolicySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = settings.maxWritesPerSecond();
    }

    /**
     * One window's prediction for a thread.
     *
     * @param prediction the model's answer, or null when there is none to trust (the run of agreeing
     *                   windows breaks; an existing entry lives until it expires)
     * @return the write to make, or null
     */
    public PolicyDecision onPrediction(long nowNs, int pid, int tid, ThreadClass heuristic, RolePrediction prediction) {
        Tracked t = threads.computeIfAbsent(tid, k -> new Tracked(pid));
        t.heuristic = heuristic;
        t.lastSeenNs = nowNs;
        if (prediction == null || !(prediction.confidence() >= settings.confidenceFloor())) {
            if (prediction != null) {
                lowConfidence++;
            }
            t.candidate = null;
            t.streak = 0;
            return null;
        }
        if (prediction.role() == t.candidate) {
            t.streak++;
        } else {
            t.candidate = prediction.role();
            t.streak = 1;
        }
        if (t.streak < settings.hysteresisWindows()) {
            held++;
            return null;
        }
        String reason;
        if (t.written == null) {
            if (prediction.role() == heuristic) {
                agreeing++;
                return null;
            }
            reason = "new";
        } else if (t.written != prediction.role()) {
            reason = "changed";
        } else if (t.expiryNs - nowNs < settings.refreshNs()) {
            reason = "refresh";
        } else {
            return null;
        }
        if (!takeToken(nowNs)) {
            rateLimited++;
            return null;
        }
        ThreadClass role = prediction.role();
        BoostPolicy policy = new BoostPolicy(tid, role, settings.boostOf(role), settings.sliceOf(role), nowNs,
                nowNs + settings.ttlNs());
        t.written = role;
        t.expiryNs = policy.expiryNs();
        return new PolicyDecision(nowNs, PolicyDecision.Action.WRITE, t.pid, tid, role, prediction.confidence(), heuristic,
                reason, policy);
    }

    /** Deletes for entries that expired by {@code nowNs}; forgets threads with neither entry nor recent prediction. */
    public List<PolicyDecision> expire(long nowNs) {
        List<PolicyDecision> deletes = new ArrayList<>();
        for (Iterator<Map.Entry<Integer, Tracked>> it = threads.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Tracked> e = it.next();
            Tracked t = e.getValue();
            if (t.written != null && t.expiryNs <= nowNs) {
                deletes.add(delete(nowNs, e.getKey(), t, "expired"));
                t.written = null;
            }
            if (t.written == null && nowNs - t.lastSeenNs > settings.ttlNs()) {
                it.remove();
            }
        }
        deletes.sort((a, b) -> Integer.compare(a.tid(), b.tid()));
        return deletes;
    }

    /** A thread exited: its entry (if any) is deleted and its state forgotten. */
    public PolicyDecision onExit(long nowNs, int tid) {
        Tracked t = threads.remove(tid);
        return t == null || t.written == null ? null : delete(nowNs, tid, t, "exited");
    }

    /** The tids of a process that exited. */
    public List<Integer> threadsOf(int pid) {
        List<Integer> tids = new ArrayList<>();
        threads.forEach((tid, t) -> {
            if (t.pid == pid) {
                tids.add(tid);
            }
        });
        tids.sort(Integer::compare);
        return tids;
    }

    /** The writer could not write the entry of {@code tid}: it counts as absent, to be tried again. */
    public void onWriteFailed(int tid) {
        Tracked t = threads.get(tid);
        if (t != null) {
            t.written = null;
            t.streak = 0;
            t.candidate = null;
        }
    }

    /** The role the loop believes the map holds for tid, or null. */
    public ThreadClass writtenRole(int tid) {
        Tracked t = threads.get(tid);
        return t == null ? null : t.written;
    }

    private PolicyDecision delete(long nowNs, int tid, Tracked t, String reason) {
        return new PolicyDecision(nowNs, PolicyDecision.Action.DELETE, t.pid, tid, t.written, Double.NaN, t.heuristic,
                reason, null);
    }

    private boolean takeToken(long nowNs) {
        if (lastRefillNs != Long.MIN_VALUE && nowNs > lastRefillNs) {
            tokens = Math.min(settings.maxWritesPerSecond(),
                    tokens + (nowNs - lastRefillNs) / 1e9 * settings.maxWritesPerSecond());
        }
        lastRefillNs = Math.max(lastRefillNs, nowNs);
        if (tokens < 1.0) {
            return false;
        }
        tokens -= 1.0;
        return true;
    }

    /** Valid predictions below the confidence floor. */
    public long lowConfidence() {
        return lowConfidence;
    }

    /** Predictions held back by hysteresis (fewer agreeing windows in a row than needed). */
    public long held() {
        return held;
    }

    /** Stable predictions that needed no entry: the scheduler's heuristic already agrees. */
    public long agreeing() {
        return agreeing;
    }

    /** Writes postponed by the rate limit. */
    public long rateLimited() {
        return rateLimited;
    }

    private static final class Tracked {
        final int pid;
        ThreadClass heuristic = ThreadClass.UNKNOWN;
        ThreadClass candidate;
        int streak;
        ThreadClass written;
        long expiryNs;
        long lastSeenNs;

        Tracked(int pid) {
            this.pid = pid;
        }
    }
}
