package dev.frameloop.collector.probe;

import dev.frameloop.collector.ring.EventSink;
import dev.frameloop.collector.ring.MalformedRecord;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.GpuSubmitEventFlyweight;
import dev.frameloop.core.event.InputEventFlyweight;
import dev.frameloop.core.event.MigrationEventFlyweight;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.event.ProcessEventFlyweight;
import dev.frameloop.core.event.ThreadClassEvent;
import dev.frameloop.core.event.ThreadClassEventFlyweight;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code frameloop probe} read, summed for its report: records per type, input events per device,
 * GPU submits per thread, migrations per source, and the first process events and class changes.
 * Written on the consumer thread; read after the consumer stopped.
 */
final class ProbeTally implements EventSink {
    /** Process events and class changes kept for the report (the counts cover all). */
    static final int KEPT = 500;

    private final Map<EventType, Long> read = new EnumMap<>(EventType.class);
    private final Map<Long, long[]> inputByKey = new HashMap<>();
    private final Map<Long, String> inputNames = new HashMap<>();
    private final Map<Long, long[]> gpuByKey = new HashMap<>();
    private final Map<Long, String> gpuNames = new HashMap<>();
    private final Map<String, Long> migrationsBySource = new TreeMap<>();
    private final Map<Long, long[]> framesByKey = new HashMap<>();
    private final Map<Long, String> frameNames = new HashMap<>();
    private final Map<Integer, long[]> frameSeqByPid = new HashMap<>();  // pid -> {first seq, last seq, gaps}
    private final List<ProcessEvent> processes = new ArrayList<>();
    private final List<ThreadClassEvent> classChanges = new ArrayList<>();
    private long malformed;

    @Override
    public void onInput(int ringId, InputEventFlyweight e) {
        count(EventType.INPUT);
        // a primitive key: formatting a string per event costs more than the event (8 kHz mice)
        long key = (e.deviceId() & 0xffffffffL) << 32 | (long) e.vendor() << 16 | e.product(); // kind and bus: the device's
        long[] n = inputByKey.get(key);
        if (n == null) {
            inputByKey.put(key, n = new long[1]);
            inputNames.put(key, String.format(Locale.ROOT, "device %d %s bus 0x%x vendor 0x%x product 0x%x", e.deviceId(),
                    e.deviceKind().name().toLowerCase(Locale.ROOT), e.bustype(), e.vendor(), e.product()));
        }
        n[0]++;
    }

    @Override
    public void onProcess(int ringId, ProcessEventFlyweight e) {
        count(EventType.PROCESS);
        if (processes.size() < KEPT) {
            processes.add(e.toRecord());
        }
    }

    @Override
    public void onGpuSubmit(int ringId, GpuSubmitEventFlyweight e) {
        count(EventType.GPU_SUBMIT);
        long key = (long) e.tid() << 16 | (long) e.driver().code() << 8 | e.source().code();
        long[] n = gpuByKey.get(key);
        if (n == null) {
            gpuByKey.put(key, n = new long[1]);
            gpuNames.put(key, String.format(Locale.ROOT, "tid %d pid %d %s %s", e.tid(), e.pid(),
                    e.driver().name().toLowerCase(Locale.ROOT), e.source().name().toLowerCase(Locale.ROOT)));
        }
        n[0]++;
    }

    @Override
    public void onMigration(int ringId, MigrationEventFlyweight e) {
        count(EventType.MIGRATION);
        migrationsBySource.merge(e.source().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
    }

    @Override
    public void onThreadClass(int ringId, ThreadClassEventFlyweight e) {
        count(EventType.THREAD_CLASS);
        if (classChanges.size() < KEPT) {
            classChanges.add(e.toRecord());
        }
    }

    @Override
    public void onDeadlineMiss(int ringId, dev.frameloop.core.event.DeadlineMissEventFlyweight e) {
        count(EventType.DEADLINE_MISS);
    }

    @Override
    public void onTaskStats(int ringId, dev.frameloop.core.event.TaskStatsEventFlyweight e) {
        count(EventType.TASK_STATS);
    }

    @Override
    public void onPolicyApplied(int ringId, dev.frameloop.core.event.PolicyAppliedEventFlyweight e) {
        count(EventType.POLICY_APPLIED);
    }

    @Override
    public void onFrameTiming(int ringId, dev.frameloop.core.event.FrameTimingEventFlyweight e) {
        count(EventType.FRAME_TIMING);
        long key = (long) e.pid() << 8 | e.source().code();
        long[] n = framesByKey.get(key);
        if (n == null) {
            framesByKey.put(key, n = new long[1]);
            frameNames.put(key, String.format(Locale.ROOT, "pid %d %s", e.pid(), e.source().name().toLowerCase(Locale.ROOT)));
        }
        n[0]++;
        long[] seq = frameSeqByPid.get(e.pid());
        if (seq == null) {
            frameSeqByPid.put(e.pid(), new long[] {e.frameSeq(), e.frameSeq(), 0});
        } else {
            if (e.frameSeq() != seq[1] + 1) {
                seq[2]++;
            }
            seq[1] = e.frameSeq();
        }
    }

    @Override
    public void onMalformed(int ringId, ByteBuffer buffer, int offset, int length, MalformedRecord reason) {
        malformed++;
    }

    private void count(EventType type) {
        read.merge(type, 1L, Long::sum);
    }

    long read(EventType type) {
        return read.getOrDefault(type, 0L);
    }

    long malformed() {
        return malformed;
    }

    /** "device 3 mouse bus 0x6 vendor 0xf1a0 product 0x1" -> input events, sorted by name. */
    Map<String, Long> inputByDevice() {
        return named(inputByKey, inputNames);
    }

    /** "tid 7 pid 7 vgem fentry_drm_ioctl" -> GPU submits, sorted by name. */
    Map<String, Long> gpuByThread() {
        return named(gpuByKey, gpuNames);
    }

    private static Map<String, Long> named(Map<Long, long[]> counts, Map<Long, String> names) {
        Map<String, Long> byName = new TreeMap<>();
        counts.forEach((key, n) -> byName.put(names.get(key), n[0]));
        return byName;
    }

    /** "pid 7 egl_swap_buffers" -> frames, sorted by name. */
    Map<String, Long> framesBySource() {
        return named(framesByKey, frameNames);
    }

    /** pid -> "seq 1..300, 0 gaps": the per-process frame counter the frames carried, sorted by pid. */
    Map<Integer, String> frameSequences() {
        Map<Integer, String> out = new TreeMap<>();
        frameSeqByPid.forEach((pid, s) -> out.put(pid, "seq " + s[0] + ".." + s[1] + ", " + s[2] + " gaps"));
        return out;
    }

    Map<String, Long> migrationsBySource() {
        return migrationsBySource;
    }

    List<ProcessEvent> processes() {
        return processes;
    }

    List<ThreadClassEvent> classChanges() {
        return classChanges;
    }
}
