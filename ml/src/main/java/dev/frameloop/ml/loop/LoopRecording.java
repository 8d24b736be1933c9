package dev.frameloop.ml.loop;

import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.events.EventRecorder;
import dev.frameloop.core.event.PolicyAction;
import dev.frameloop.core.event.PolicyDecisionEvent;
import dev.frameloop.core.event.PolicyDecisionEventLayout;
import dev.frameloop.core.event.PolicyDecisionEventWriter;
import dev.frameloop.core.event.PolicyReason;
import dev.frameloop.core.ring.EventHandler;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A session recorded beside the closed loop, on the loop's ring thread: every ring record goes into the session as
 * {@code frameloop record} stores it ({@link EventRecorder}), and every policy decision as a {@code policy_decision}
 * event (its own table, {@code policy_decision.avsc}). Files roll and the manifest is rewritten at most every
 * {@link #TICK_NS}, as records arrive. Single thread, like the session writer.
 */
public final class LoopRecording implements EventHandler {
    /** How often the session rolls files and rewrites its manifest, at most. */
    static final long TICK_NS = 200_000_000L;

    private final SessionWriter session;
    private final EventRecorder recorder;
    private final boolean dryRun;
    private final LongSupplier clock;
    private final ByteBuffer decision = ByteBuffer.allocate(PolicyDecisionEventLayout.SIZE);
    private long nextTickNs;
    private long decisions;

    /**
     * @param session where to record (every event type, decisions included)
     * @param dryRun  the decisions wrote no map (recorded in each row)
     * @param clock   CLOCK_MONOTONIC ns, for the roll/manifest ticks
     */
    public LoopRecording(SessionWriter session, boolean dryRun, LongSupplier clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.recorder = new EventRecorder(session);
        this.dryRun = dryRun;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextTickNs = clock.getAsLong() + TICK_NS;
    }

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        recorder.append(buffer, offset, length);
        long now = clock.getAsLong();
        if (now - nextTickNs >= 0) {
            nextTickNs = now + TICK_NS;
            recorder.publishCounts();
            session.tick();
        }
    }

    /** Records one decision the loop applied (or, in a dry run, made). */
    public void onDecision(PolicyDecision d) {
        boolean write = d.action() == PolicyDecision.Action.WRITE;
        PolicyDecisionEvent event = new PolicyDecisionEvent(0, d.timeNs(), d.pid(), d.tid(),
                write ? d.policy().expiryNs() : 0, write ? d.policy().sliceNs() : 0,
                write ? d.policy().boostPercent() : 0,
                write && !Double.isNaN(d.confidence()) ? Math.round(d.confidence() * 1_000_000) : 0,
                write ? PolicyAction.WRITE : PolicyAction.DELETE, d.role(), d.heuristic(),
                PolicyReason.valueOf(d.reason().toUpperCase(Locale.ROOT)), dryRun);
        PolicyDecisionEventWriter.write(event, decision, 0);
        if (recorder.append(decision, 0, PolicyDecisionEventLayout.SIZE)) {
            decisions++;
        }
    }

    /** Decisions recorded so far. */
    public long decisions() {
        return decisions;
    }

    /** Ends the session (every file closed and renamed, manifest final). */
    public SessionSummary finish(String reason) {
        recorder.publishCounts();
        return session.finish(reason);
    }
}
