package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_frame_timing_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * One presented frame of a process, counted once whatever the dispatch layers; the header timestamp is the
 * present.
 *
 * @see FrameTimingEventLayout
 */
public final class FrameTimingEventFlyweight extends EventFlyweight {

    @Override
    public FrameTimingEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id of the presenting process. Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + FrameTimingEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id of the presenting thread. Unsigned in C, always below 2<sup>31</sup>. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + FrameTimingEventLayout.TID_OFFSET);
    }

    /**
     * {@code frame_interval_ns}: Time since the previous counted present of the same process; 0 for the
     * first frame.
     */
    public long frameIntervalNs() {
        return LittleEndian.s64(buffer, offset + FrameTimingEventLayout.FRAME_INTERVAL_NS_OFFSET);
    }

    /** {@code gpu_to_present_ns}: Time from the process's last GPU submit to this present; 0 when unknown. */
    public long gpuToPresentNs() {
        return LittleEndian.s64(buffer, offset + FrameTimingEventLayout.GPU_TO_PRESENT_NS_OFFSET);
    }

    /** {@code compositor_latency_ns}: Present to compositor/page-flip completion; 0 when unknown. */
    public long compositorLatencyNs() {
        return LittleEndian.s64(buffer, offset + FrameTimingEventLayout.COMPOSITOR_LATENCY_NS_OFFSET);
    }

    /**
     * {@code swapchain_id}: Identifies the surface/drawable/swapchain presented (a handle value from the
     * hooked call).
     */
    public long swapchainId() {
        return LittleEndian.s64(buffer, offset + FrameTimingEventLayout.SWAPCHAIN_ID_OFFSET);
    }

    /** {@code frame_seq}: Per-process frame counter, starting at 1. */
    public long frameSeq() {
        return LittleEndian.u32(buffer, offset + FrameTimingEventLayout.FRAME_SEQ_OFFSET);
    }

    /** {@code source}: Presentation hook that saw the frame, {@code enum fl_frame_source}. */
    public FrameSource source() {
        return FrameSource.fromCode(LittleEndian.u8(buffer, offset + FrameTimingEventLayout.SOURCE_OFFSET));
    }

    /** {@code frame_dropped}: True when the frame is known not to have reached the screen. */
    public boolean frameDropped() {
        return LittleEndian.u8(buffer, offset + FrameTimingEventLayout.FRAME_DROPPED_OFFSET) != 0;
    }

    /** {@code vsync_missed}: True when the present missed the vblank it targeted. */
    public boolean vsyncMissed() {
        return LittleEndian.u8(buffer, offset + FrameTimingEventLayout.VSYNC_MISSED_OFFSET) != 0;
    }

    /**
     * Copies the event into an immutable {@link FrameTimingEvent} (allocates: for APIs, not the hot path).
     */
    public FrameTimingEvent toRecord() {
        return new FrameTimingEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                frameIntervalNs(),
                gpuToPresentNs(),
                compositorLatencyNs(),
                swapchainId(),
                frameSeq(),
                source(),
                frameDropped(),
                vsyncMissed());
    }
}
