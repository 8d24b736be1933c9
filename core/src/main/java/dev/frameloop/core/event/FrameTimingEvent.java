package dev.frameloop.core.event;

import java.util.Objects;

/**
 * One presented frame of a process, counted once whatever the dispatch layers; the header timestamp is the
 * present.
 *
 * <p>Immutable value of one {@code struct fl_frame_timing_event} for APIs; the hot path reads the
 * same fields in place with {@link FrameTimingEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id of the presenting process. Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id of the presenting thread. Unsigned in C, always below 2<sup>31</sup>.
 * @param frameIntervalNs Time since the previous counted present of the same process; 0 for the first frame.
 * @param gpuToPresentNs Time from the process's last GPU submit to this present; 0 when unknown (no submit since
 *     the previous present).
 * @param compositorLatencyNs Present to compositor/page-flip completion; 0 when unknown (always, for uprobe
 *     sources).
 * @param swapchainId Identifies the surface/drawable/swapchain presented (the handle argument of the outermost
 *     hooked call; 0 when it has none).
 * @param frameSeq Per-process frame counter, starting at 1.
 * @param source Presentation hook that saw the frame (the outermost of nested ones), {@code enum fl_frame_source}.
 * @param frameDropped True when the frame is known not to have reached the screen (never, for uprobe sources).
 * @param vsyncMissed True when the present is known to have missed its vblank (never, for uprobe sources).
 */
public record FrameTimingEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        long frameIntervalNs,
        long gpuToPresentNs,
        long compositorLatencyNs,
        long swapchainId,
        long frameSeq,
        FrameSource source,
        boolean frameDropped,
        boolean vsyncMissed) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public FrameTimingEvent {
        Objects.requireNonNull(source, "source");
    }
}
