package dev.frameloop.collector.sched;

import dev.frameloop.core.ring.EventHandler;

import java.util.List;
import java.util.Map;

/**
 * Something that runs beside the gamer scheduler in {@code frameloop sched}'s lifecycle (e.g. the
 * closed loop): it sees every ring record on the ring thread and may write the policy map from there.
 * {@code sched} stays the one owner of the scheduler, its rings and its exit handling.
 */
public interface SchedExtension {
    /**
     * Called once the scheduler and its probes are loaded, before {@link #start}: what a recording's manifest
     * says of them.
     *
     * @param objectSha256 SHA-256 (hex) of gamer.bpf.o
     * @param eventSources per event table, the hook that produces it (or why none does)
     */
    default void loaded(String objectSha256, Map<String, String> eventSources) {
    }

    /**
     * Called once the scheduler is loaded, before its rings are read.
     *
     * @param policy the scheduler's boost_policy map; written only from the returned handler's thread
     * @return the handler that receives every ring record after sched's own accounting
     */
    EventHandler start(BoostPolicyMap policy);

    /**
     * Called once the scheduler stopped and its rings are drained, before {@link #report}.
     *
     * @param reason  why it stopped, in the words sched prints
     * @param ejected whether the kernel ejected it (rather than a signal, --duration or a clean exit)
     */
    default void stopped(String reason, boolean ejected) {
    }

    /** Lines for the end-of-run report, asked for after the rings are drained. */
    List<String> report();
}
