package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.FrameSource;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putBoolean;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code frame_timing} row (columns of {@code frame_timing.avsc}, in order) from the wire record. */
final class FrameTimingEventEncoder implements RowEncoder<FrameTimingEventFlyweight> {
    private final EnumSymbols<FrameSource> sources = new EnumSymbols<>(FrameSource.class);

    @Override
    public void write(FrameTimingEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putLong(out, 4, "frame_interval_ns", event.frameIntervalNs());
        putLong(out, 5, "gpu_to_present_ns", event.gpuToPresentNs());
        putLong(out, 6, "compositor_latency_ns", event.compositorLatencyNs());
        putLong(out, 7, "swapchain_id", event.swapchainId());
        putLong(out, 8, "frame_seq", event.frameSeq());
        putBinary(out, 9, "source", sources.of(event.source()));
        putBoolean(out, 10, "frame_dropped", event.frameDropped());
        putBoolean(out, 11, "vsync_missed", event.vsyncMissed());
    }
}
