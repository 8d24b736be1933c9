package dev.frameloop.ml.bench;

import dev.frameloop.collector.bench.MonotonicClock;
import dev.frameloop.core.event.BenchRecordFlyweight;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.PolicyBatchResult;
import dev.frameloop.core.policy.PolicyWriter;
import dev.frameloop.core.ring.EventHandler;
import dev.frameloop.ml.features.FeatureSet;
import dev.frameloop.ml.features.ThreadRoleRow;
import dev.frameloop.ml.features.ThreadRoleWindows;
import dev.frameloop.ml.loop.OnlineFeatures;
import dev.frameloop.ml.loop.PolicyDecision;
import dev.frameloop.ml.loop.RolePolicy;
import dev.frameloop.ml.loop.RolePrediction;
import dev.frameloop.ml.loop.SafePredictor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The loop's work on one trigger, as {@code frameloop loop} does it on a ring event, each step
 * timed with the monotonic clock: the online features take a task_stats sample of the trigger's
 * thread (at event times one feature window apart, so that every trigger closes a window and
 * yields a row: live, a thread gets one row a second), the guarded model predicts the row, the
 * policy decides, and the policy writer writes the entry into the map. The policy's clock is the
 * real one, so the entry's timestamp and expiry are CLOCK_MONOTONIC as the scheduler expects.
 * Runs on whichever thread reads the trigger ring (one at a time).
 */
final class LoopStep implements EventHandler {
    /** {@code struct fl_loop_trigger}: seq and timestamp as fl_bench_record, then tid at 16. */
    static final int TID_OFFSET = 16;
    static final int TRIGGER_SIZE = 24;

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final BenchRecordFlyweight trigger = new BenchRecordFlyweight();
    private final MonotonicClock clock;
    private final LoopSamples samples;
    private final OnlineFeatures features;
    private final SafePredictor predictor;
    private final RolePolicy policy;
    private final PolicyWriter writer;
    private final int pid;
    private ThreadRoleRow row;
    private volatile long count;
    private long malformed;

    LoopStep(MonotonicClock clock, LoopSamples samples, SafePredictor predictor, RolePolicy policy, PolicyWriter writer,
             int pid) {
        this.clock = clock;
        this.samples = samples;
        this.predictor = predictor;
        this.policy = policy;
        this.writer = writer;
        this.pid = pid;
        this.features = new OnlineFeatures(List.of(new ThreadRoleWindows(r -> row = r)));
    }

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        long handler = clock.now();
        if (length < TRIGGER_SIZE) {
            malformed++;
            return;
        }
        trigger.wrap(buffer, offset);
        long seq = trigger.seq();
        int tid = (int) INT.get(buffer, offset + TID_OFFSET);
        samples.received(seq, trigger.timestampNs(), handler);
        row = null;
        features.accept(SyntheticThreads.sample(ThreadClass.RENDER, pid, tid, (seq + 1) * FeatureSet.THREAD_WINDOW_NS, seq));
        long featuresDone = clock.now();
        long predictDone = featuresDone;
        long policyDone = featuresDone;
        long writeDone = featuresDone;
        long entry = LoopSamples.NOT_WRITTEN;
        if (row != null) {
            RolePrediction prediction = predictor.predict(tid, row.features());
            predictDone = clock.now();
            PolicyDecision decision = policy.onPrediction(predictDone, pid, tid, row.heuristic(), prediction);
            policyDone = clock.now();
            writeDone = policyDone;
            if (decision != null && decision.action() == PolicyDecision.Action.WRITE) {
                PolicyBatchResult result = writer.apply(List.of(decision.policy()), List.of());
                writeDone = clock.now();
                if (result.written() == 1) {
                    entry = decision.policy().entryTimestampNs();
                } else {
                    policy.onWriteFailed(tid);
                }
            }
        }
        samples.steps(seq, featuresDone, predictDone, policyDone, writeDone, entry);
        count++;
    }

    /** Triggers handled (warmup included); read from other threads. */
    long count() {
        return count;
    }

    /** Records too short to be a trigger. */
    long malformed() {
        return malformed;
    }
}
