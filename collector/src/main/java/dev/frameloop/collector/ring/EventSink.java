package dev.frameloop.collector.ring;

import dev.frameloop.core.event.DeadlineMissEventFlyweight;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import dev.frameloop.core.event.GpuSubmitEventFlyweight;
import dev.frameloop.core.event.InputEventFlyweight;
import dev.frameloop.core.event.MigrationEventFlyweight;
import dev.frameloop.core.event.PolicyAppliedEventFlyweight;
import dev.frameloop.core.event.ProcessEventFlyweight;
import dev.frameloop.core.event.TaskStatsEventFlyweight;
import dev.frameloop.core.event.ThreadClassEventFlyweight;

import java.nio.ByteBuffer;

/**
 * Typed receiver of the events {@link EventDispatcher} decodes: one method per event type, each
 * given the flyweight of that type wrapped over the record in the ring. Flyweights are reused:
 * read them during the call, never keep them. Methods not overridden ignore their events.
 */
public interface EventSink {

    default void onInput(int ringId, InputEventFlyweight event) {
    }

    default void onProcess(int ringId, ProcessEventFlyweight event) {
    }

    default void onFrameTiming(int ringId, FrameTimingEventFlyweight event) {
    }

    default void onGpuSubmit(int ringId, GpuSubmitEventFlyweight event) {
    }

    default void onMigration(int ringId, MigrationEventFlyweight event) {
    }

    default void onThreadClass(int ringId, ThreadClassEventFlyweight event) {
    }

    default void onDeadlineMiss(int ringId, DeadlineMissEventFlyweight event) {
    }

    default void onTaskStats(int ringId, TaskStatsEventFlyweight event) {
    }

    default void onPolicyApplied(int ringId, PolicyAppliedEventFlyweight event) {
    }

    /**
     * A record the dispatcher cannot decode: counted by the dispatcher; override to log or keep it.
     *
     * @param reason why (unknown type, version this build does not read, wrong size)
     */
    default void onMalformed(int ringId, ByteBuffer buffer, int offset, int length, MalformedRecord reason) {
    }
}
