package dev.frameloop.collector.sched;

import dev.frameloop.collector.ring.EventSink;
import dev.frameloop.collector.ring.MalformedRecord;
import dev.frameloop.core.event.DeadlineMissEventFlyweight;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.MigrationEventFlyweight;
import dev.frameloop.core.event.PolicyAppliedEventFlyweight;
import dev.frameloop.core.event.TaskStatsEventFlyweight;
import dev.frameloop.core.event.ThreadClassEventFlyweight;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What {@code frameloop sched} keeps of the events it reads from gamer's rings: a count per type, one
 * line per class change and per policy application (for the user to read as they come, up to
 * {@link #NOTICE_LIMIT}), and deadline misses per thread.
 *
 * <p>The consumer thread calls the sink methods; counts and notices may be read from another thread at any
 * time; {@link #missesByThread()} only once the consumer has stopped.
 */
final class SchedEventTally implements EventSink {
    /** Class-change and policy lines kept for printing; later ones are only counted. */
    static final int NOTICE_LIMIT = 200;

    private final AtomicLongArray read = new AtomicLongArray(EventType.values().length + 1);
    private final AtomicLongArray malformed = new AtomicLongArray(1);
    private final Queue<String> notices = new ConcurrentLinkedQueue<>();
    private int noticesKept;
    private long noticesDropped;
    private final Map<Integer, ThreadMisses> misses = new HashMap<>();
    private final byte[] comm = new byte[16];

    /** Deadline misses of one thread. */
    record ThreadMisses(int tid, int pid, String threadClass, long count, long maxMissNs) {
    }

    @Override
    public void onThreadClass(int ringId, ThreadClassEventFlyweight e) {
        count(EventType.THREAD_CLASS);
        int length = e.copyComm(comm, 0);
        notice("class: tid " + e.tid() + " (" + new String(comm, 0, length, StandardCharsets.UTF_8) + ") "
                + name(e.oldClass()) + " -> " + name(e.newClass()) + " by " + name(e.method())
                + " (confidence " + e.confidence() + "/1000)");
    }

    @Override
    public void onPolicyApplied(int ringId, PolicyAppliedEventFlyweight e) {
        count(EventType.POLICY_APPLIED);
        notice(String.format(Locale.ROOT, "policy applied: tid %d as %s, %.3f ms after the write", e.tid(), name(e.role()),
                (e.timestampNs() - e.entryTimestampNs()) / 1e6));
    }

    @Override
    public void onDeadlineMiss(int ringId, DeadlineMissEventFlyweight e) {
        count(EventType.DEADLINE_MISS);
        ThreadMisses before = misses.get(e.tid());
        long count = before == null ? 1 : before.count() + 1;
        long max = before == null ? e.missNs() : Math.max(before.maxMissNs(), e.missNs());
        misses.put(e.tid(), new ThreadMisses(e.tid(), e.pid(), name(e.threadClass()), count, max));
    }

    @Override
    public void onMigration(int ringId, MigrationEventFlyweight e) {
        count(EventType.MIGRATION);
    }

    @Override
    public void onTaskStats(int ringId, TaskStatsEventFlyweight e) {
        count(EventType.TASK_STATS);
    }

    @Override
    public void onMalformed(int ringId, ByteBuffer buffer, int offset, int length, MalformedRecord reason) {
        malformed.incrementAndGet(0);
    }

    /** Events of a type read so far. */
    long read(EventType type) {
        return read.get(type.code());
    }

    long malformed() {
        return malformed.get(0);
    }

    /** The next line to show the user, or null. */
    String pollNotice() {
        return notices.poll();
    }

    /** Class-change and policy lines not kept (past {@link #NOTICE_LIMIT}); read after the consumer stopped. */
    long noticesDropped() {
        return noticesDropped;
    }

    /** Threads with deadline misses, most misses first. Call once the consumer has stopped. */
    List<ThreadMisses> missesByThread() {
        List<ThreadMisses> list = new ArrayList<>(misses.values());
        list.sort(Comparator.comparingLong(ThreadMisses::count).reversed().thenComparingInt(ThreadMisses::tid));
        return list;
    }

    private void count(EventType type) {
        read.incrementAndGet(type.code());
    }

    private void notice(String line) {
        if (noticesKept < NOTICE_LIMIT) {
            noticesKept++;
            notices.add(line);
        } else {
            noticesDropped++;
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
