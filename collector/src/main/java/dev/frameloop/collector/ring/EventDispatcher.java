package dev.frameloop.collector.ring;

import dev.frameloop.core.event.DeadlineMissEventFlyweight;
import dev.frameloop.core.event.EventHeaderFlyweight;
import dev.frameloop.core.event.EventHeaderLayout;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import dev.frameloop.core.event.GpuSubmitEventFlyweight;
import dev.frameloop.core.event.InputEventFlyweight;
import dev.frameloop.core.event.MigrationEventFlyweight;
import dev.frameloop.core.event.PolicyAppliedEventFlyweight;
import dev.frameloop.core.event.ProcessEventFlyweight;
import dev.frameloop.core.event.TaskStatsEventFlyweight;
import dev.frameloop.core.event.ThreadClassEventFlyweight;
import dev.frameloop.core.ring.EventHandler;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads each record's event header and hands the flyweight of its type, wrapped in place, to
 * an {@link EventSink}. One flyweight per type, reused: no allocation per record. Records
 * whose type, version or size this build cannot read go to {@link EventSink#onMalformed} and
 * are counted. Runs on the consumer thread only.
 */
public final class EventDispatcher implements EventHandler {
    private final EventSink sink;
    private final EventHeaderFlyweight header = new EventHeaderFlyweight();
    private final InputEventFlyweight input = new InputEventFlyweight();
    private final ProcessEventFlyweight process = new ProcessEventFlyweight();
    private final FrameTimingEventFlyweight frameTiming = new FrameTimingEventFlyweight();
    private final GpuSubmitEventFlyweight gpuSubmit = new GpuSubmitEventFlyweight();
    private final MigrationEventFlyweight migration = new MigrationEventFlyweight();
    private final ThreadClassEventFlyweight threadClass = new ThreadClassEventFlyweight();
    private final DeadlineMissEventFlyweight deadlineMiss = new DeadlineMissEventFlyweight();
    private final TaskStatsEventFlyweight taskStats = new TaskStatsEventFlyweight();
    private final PolicyAppliedEventFlyweight policyApplied = new PolicyAppliedEventFlyweight();
    private final EventType[] byCode = new EventType[256];
    private long malformed;

    public EventDispatcher(EventSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        for (EventType type : EventType.values()) {
            byCode[type.code()] = type;
        }
    }

    @Override
    public void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        if (length < EventHeaderLayout.SIZE) {
            malformed(ringId, buffer, offset, length, MalformedRecord.TOO_SHORT);
            return;
        }
        header.wrap(buffer, offset);
        int code = header.type();
        EventType type = code < byCode.length ? byCode[code] : null;
        if (type == null) {
            malformed(ringId, buffer, offset, length, MalformedRecord.UNKNOWN_TYPE);
            return;
        }
        if (header.version() != type.version()) {
            malformed(ringId, buffer, offset, length, MalformedRecord.UNKNOWN_VERSION);
            return;
        }
        if (header.size() != type.size() || length < type.size()) {
            malformed(ringId, buffer, offset, length, MalformedRecord.WRONG_SIZE);
            return;
        }
        switch (type) {
            case INPUT -> sink.onInput(ringId, input.wrap(buffer, offset));
            case PROCESS -> sink.onProcess(ringId, process.wrap(buffer, offset));
            case FRAME_TIMING -> sink.onFrameTiming(ringId, frameTiming.wrap(buffer, offset));
            case GPU_SUBMIT -> sink.onGpuSubmit(ringId, gpuSubmit.wrap(buffer, offset));
            case MIGRATION -> sink.onMigration(ringId, migration.wrap(buffer, offset));
            case THREAD_CLASS -> sink.onThreadClass(ringId, threadClass.wrap(buffer, offset));
            case DEADLINE_MISS -> sink.onDeadlineMiss(ringId, deadlineMiss.wrap(buffer, offset));
            case TASK_STATS -> sink.onTaskStats(ringId, taskStats.wrap(buffer, offset));
            case POLICY_APPLIED -> sink.onPolicyApplied(ringId, policyApplied.wrap(buffer, offset));
        }
    }

    /** Records that could not be decoded so far. */
    public long malformed() {
        return malformed;
    }

    private void malformed(int ringId, ByteBuffer buffer, int offset, int length, MalformedRecord reason) {
        malformed++;
        sink.onMalformed(ringId, buffer, offset, length, reason);
    }
}
