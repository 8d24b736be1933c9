package dev.frameloop.collector.record;

import dev.frameloop.collector.ring.KernelRing;

import java.util.List;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code frameloop record} loaded into the kernel for one mode: a loaded BPF object with its
 * rings mapped, the hook each event type comes from, and how to start and stop producing.
 * Closing it detaches and frees everything (unless it is pinned).
 */
public interface RecordSource extends AutoCloseable {

    /** {@code scheduler} or {@code observe}, as the manifest says. */
    String mode();

    /** SHA-256 (hex) of the BPF object loaded. */
    String objectSha256();

    /** Per event table ({@code task_stats}), the hook that produces it, or its fallback. */
    Map<String, String> eventSources();

    /** The mapped rings. */
    List<KernelRing> rings();

    /** Records the producer of {@code ring} could not reserve room for, since it was loaded. */
    long drops(KernelRing ring);

    /** Starts producing (attaches, or registers the scheduler). Rings are being read when this is called. */
    void start() throws InterruptedException;

    /** Why producing stopped on its own (e.g. the kernel ejected a pinned scheduler); empty while it runs. */
    Optional<String> stoppedOnItsOwn();

    /**
     * Checks whether the kernel has ejected the scheduler; if it has, the source goes on in observe mode (its
     * probes keep producing, and probes that stood in reserve for the scheduler's streams attach) and this
     * returns, once, what happened. Empty while the scheduler runs, in observe mode, and on later calls.
     */
    default Optional<String> continueAfterEjection() {
        return Optional.empty();
    }

    /**
     * Stops producing (detaches) so that the rings can be drained. Idempotent. A pinned source keeps
     * producing into its pinned rings instead, for the next {@code record --resume}.
     */
    void stop() throws InterruptedException;

    /** Per event table, records the kernel side wrote into rings (committed), when the object counts them. */
    Map<String, Long> produced();

    @Override
    void close();
}
