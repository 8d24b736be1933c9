package dev.frameloop.ml.loop;

import dev.frameloop.core.event.EventHeaderFlyweight;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.PolicyAppliedEventFlyweight;
import dev.frameloop.core.event.ProcessAction;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.policy.BoostPolicy;
import dev.frameloop.core.policy.PolicyBatchResult;
import dev.frameloop.core.policy.PolicyWriteFailure;
import dev.frameloop.core.policy.PolicyWriter;
import dev.frameloop.core.ring.EventHandler;
import dev.frameloop.ml.features.FeatureEvents;
import dev.frameloop.ml.features.ThreadRoleRow;
import dev.frameloop.ml.features.ThreadRoleWindows;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The closed loop on one consumer thread: events (from the rings, or a recorded session) feed the
 * online thread-role windows; each completed window is predicted ({@link SafePredictor}) and passed
 * through the {@link RolePolicy}; the decisions of one event are applied to the {@link PolicyWriter}
 * as one batch (none in a dry run) and handed to the decision log. A failed write is counted and
 * the policy tries again later; a thread that exits loses its entry; expired entries are deleted.
 *
 * <p>Time: decisions are stamped with {@code now}: the live loop passes the monotonic clock, a
 * replay the timestamp of the event being processed, which makes a replay deterministic.
 */
public final class ClosedLoop implements EventHandler {
    private static final Logger LOG = System.getLogger("dev.frameloop.ml.loop");

    private final SafePredictor predictor;
    private final RolePolicy policy;
    private final PolicyWriter writer;
    private final Consumer<PolicyDecision> decisionLog;
    private final LongSupplier now;
    private final OnlineFeatures features;
    private final List<PolicyDecision> pending = new ArrayList<>();
    private final EventHeaderFlyweight header = new EventHeaderFlyweight();
    private final PolicyAppliedEventFlyweight appliedEvent = new PolicyAppliedEventFlyweight();
    private Consumer<PolicyAppliedEventFlyweight> appliedListener = e -> { };
    private long applied;
    private long windows;
    private long writes;
    private long deletes;
    private long writeFailures;

    /**
     * @param predictor   the guarded model
     * @param policy      predictions → decisions
     * @param writer      where decisions go; null for a dry run (decisions are only logged)
     * @param decisionLog receives every decision applied (or, in a dry run, made)
     * @param now         the time decisions are stamped with; null: the timestamp of the current event
     * @param reorderNs   how far events from several rings are put back in timestamp order (0 for a replay)
     */
    public ClosedLoop(SafePredictor predictor, RolePolicy policy, PolicyWriter writer,
                      Consumer<PolicyDecision> decisionLog, LongSupplier now, long reorderNs) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.writer = writer;
        this.decisionLog = Objects.requireNonNull(decisionLog, "decisionLog");
        FeatureEvents exits = new ExitWatcher();
        this.features = new OnlineFeatures(List.of(new ThreadRoleWindows(this::onWindow), exits), reorderNs);
        this.now = now != null ? now : features::lastTimestampNs;
    }

    /**
     * Receives every policy-applied event of the scheduler (its first use of an entry write), read in place on
     * the ring thread: the flyweight is valid only during the call.
     */
    public void onApplied(Consumer<PolicyAppliedEventFlyweight> listener) {
        this.appliedListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        if (length >= EventType.POLICY_APPLIED.size()
                && header.wrap(buffer, offset).type() == EventType.POLICY_APPLIED.code()) {
            applied++;
            appliedListener.accept(appliedEvent.wrap(buffer, offset));
        }
        features.onEvent(ringId, buffer, offset, length);
        flush();
    }

    /** Feeds one recorded event (replay). */
    public void accept(Record event) {
        features.accept(event);
        flush();
    }

    /** Closes the open window (its rows are predicted and applied), at the end of a replay. */
    public void finish() {
        features.finish();
        flush();
    }

    private void onWindow(ThreadRoleRow row) {
        windows++;
        long t = now.getAsLong();
        if (pending.isEmpty()) {
            pending.addAll(policy.expire(t));
        }
        RolePrediction prediction = predictor.predict(row.tid(), row.features());
        PolicyDecision decision = policy.onPrediction(t, row.pid(), row.tid(), row.heuristic(), prediction);
        if (decision != null) {
            pending.add(decision);
        }
    }

    private void onExit(int pid, int tid) {
        long t = now.getAsLong();
        List<Integer> gone = tid == pid ? policy.threadsOf(pid) : List.of(tid);
        for (int exited : gone) {
            PolicyDecision delete = policy.onExit(t, exited);
            if (delete != null) {
                pending.add(delete);
            }
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<BoostPolicy> toWrite = new ArrayList<>();
        List<Integer> toDelete = new ArrayList<>();
        for (PolicyDecision d : pending) {
            if (d.action() == PolicyDecision.Action.WRITE) {
                toWrite.add(d.policy());
            } else {
                toDelete.add(d.tid());
            }
        }
        Map<Integer, PolicyWriteFailure> failed = Map.of();
        if (writer != null) {
            PolicyBatchResult result = writer.apply(toWrite, toDelete);
            failed = result.failedWrites();
        }
        for (PolicyDecision d : pending) {
            PolicyWriteFailure failure = d.action() == PolicyDecision.Action.WRITE ? failed.get(d.tid()) : null;
            if (failure != null) {
                writeFailures++;
                LOG.log(Level.WARNING, "could not write the entry of tid " + d.tid() + " (" + failure
                        + "); the scheduler's heuristics keep deciding for it");
                if (failure == PolicyWriteFailure.UNKNOWN_TID) {
                    policy.onExit(d.timeNs(), d.tid());
                } else {
                    policy.onWriteFailed(d.tid());
                }
                continue;
            }
            if (d.action() == PolicyDecision.Action.WRITE) {
                writes++;
            } else {
                deletes++;
            }
            decisionLog.accept(d);
        }
        pending.clear();
    }

    /** The online features (their counters). */
    public OnlineFeatures features() {
        return features;
    }

    /** The guarded model (its counters). */
    public SafePredictor predictor() {
        return predictor;
    }

    /** The policy (its counters). */
    public RolePolicy policy() {
        return policy;
    }

    /** Thread windows completed and predicted. */
    public long windows() {
        return windows;
    }

    /** Entries written (decided, in a dry run). */
    public long writes() {
        return writes;
    }

    /** Entries deleted (decided, in a dry run). */
    public long deletes() {
        return deletes;
    }

    /** Policy-applied events seen: entry writes the scheduler used. */
    public long applied() {
        return applied;
    }

    /** Writes the writer refused (map full, unknown tid, error). */
    public long writeFailures() {
        return writeFailures;
    }

    /** The counters, one per line, for the end-of-run report. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("events: " + features.fed() + " fed, " + features.skipped() + " of unused types, "
                + features.outOfOrder() + " out of order, " + features.malformed() + " malformed");
        lines.add("windows: " + windows + " predicted; model: " + predictor.predictions() + " answers, "
                + predictor.errors() + " errors, " + predictor.invalid() + " invalid (NaN/out of range), "
                + predictor.slow() + " over budget" + (predictor.disabled() ? "; SWITCHED OFF" : ""));
        lines.add("policy: " + writes + " writes, " + deletes + " deletes, " + writeFailures + " failed writes, "
                + applied + " applied by the scheduler; "
                + policy.held() + " held by hysteresis, " + policy.lowConfidence() + " below the confidence floor, "
                + policy.agreeing() + " agreeing with the heuristic, " + policy.rateLimited() + " rate-limited");
        if (writer != null) {
            lines.add("writer: " + writer.counts().describe());
        }
        return lines;
    }

    /** Watches process events for thread and process exits. */
    private final class ExitWatcher implements FeatureEvents {
        @Override
        public void accept(Record event) {
            if (event instanceof ProcessEvent e && e.action() == ProcessAction.EXIT) {
                onExit(e.pid(), e.tid());
            }
        }

        @Override
        public void finish() {
        }
    }
}
