package dev.frameloop.collector.record;

import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.KernelRing;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.events.EventRecorder;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.ring.ErrorHandler;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live path of a recording: one consumer thread reads every ring of a loaded object and
 * stores each record, straight from the ring, into the session ({@link EventRecorder}); between
 * passes it rolls files, rewrites the manifest with the ring drop counters, and publishes a
 * {@link RecordingSnapshot}. The session writer is only touched by that thread until
 * {@link #finish}, which stops it (after it drained the rings) and ends the session.
 */
public final class LiveRecording {
    /** How often the consumer thread ticks the session and publishes a snapshot. */
    static final long TICK_NS = 200_000_000L;
    /** How often the ring drop counters are read (a map lookup per ring). */
    static final long DROPS_EVERY_NS = 1_000_000_000L;

    private final SessionWriter session;
    private final RecordSource source;
    private final EventRecorder recorder;
    private final AtomicLong ringErrors = new AtomicLong();
    private final AtomicReference<String> firstRingError = new AtomicReference<>();
    private final Map<String, Long> drops = new TreeMap<>();
    private volatile RecordingSnapshot snapshot = RecordingSnapshot.EMPTY;
    private RingConsumer consumer;
    private long nextDropsNs;

    private LiveRecording(SessionWriter session, RecordSource source, Set<EventType> types) {
        this.session = Objects.requireNonNull(session, "session");
        this.source = Objects.requireNonNull(source, "source");
        this.recorder = new EventRecorder(session, types);
    }

    /**
     * Starts the consumer thread over every ring of {@code source}, storing the event types
     * {@code types} (records of other types are counted as not recorded).
     */
    public static LiveRecording start(SessionWriter session, RecordSource source, Set<EventType> types, IdleMode idle) {
        LiveRecording live = new LiveRecording(session, source, types);
        ErrorHandler onError = (ring, error) -> {
            live.ringErrors.incrementAndGet();
            live.firstRingError.compareAndSet(null, ring.name() + ": " + error);
        };
        live.consumer = RingConsumer.start(source.rings(),
                (ringId, buffer, offset, length) -> live.recorder.append(buffer, offset, length), onError,
                epoll -> new TickingIdleStrategy(idle.create(epoll), live::tick, TICK_NS),
                RingConsumer.DEFAULT_POSITION_STORE_BATCH, RingConsumer.DEFAULT_DRAIN_TIMEOUT,
                RingConsumer.daemonThreads("record-rings"));
        return live;
    }

    /** The latest snapshot (at most {@link #TICK_NS} old while recording). */
    public RecordingSnapshot snapshot() {
        return snapshot;
    }

    /** Ring errors (corruption, handler exceptions) so far, and the first one. */
    public long ringErrors() {
        return ringErrors.get();
    }

    /** The first ring error, if any. */
    public String firstRingError() {
        return firstRingError.get();
    }

    /**
     * Stops reading: with {@code drain}, the consumer thread first reads what the kernel committed
     * before the stop. Then copies the final drop counters and ends the session with {@code reason}.
     */
    public SessionSummary finish(String reason) {
        consumer.close();
        readDrops();
        recorder.publishCounts();
        SessionSummary summary = session.finish(reason);
        snapshot = new RecordingSnapshot(session.counts(), session.files(), drops, session.isRecording(),
                summary.failure().map(Throwable::toString).orElse(null));
        return summary;
    }

    /** Records read from the rings so far (may lag). */
    public long delivered() {
        return consumer.delivered();
    }

    private void tick() {
        long now = System.nanoTime();
        if (now - nextDropsNs >= 0) {
            nextDropsNs = now + DROPS_EVERY_NS;
            readDrops();
        }
        recorder.publishCounts();
        session.tick();
        snapshot = new RecordingSnapshot(session.counts(), session.files(), drops, session.isRecording(),
                session.failure().map(Throwable::toString).orElse(null));
    }

    private void readDrops() {
        for (KernelRing ring : source.rings()) {
            long count = source.drops(ring);
            drops.put(ring.name(), count);
            session.setRingDrops(ring.name(), count);
        }
    }
}
