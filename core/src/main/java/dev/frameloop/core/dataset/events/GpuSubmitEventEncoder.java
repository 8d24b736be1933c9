package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.GpuDriver;
import dev.frameloop.core.event.GpuSubmitEventFlyweight;
import dev.frameloop.core.event.GpuSubmitSource;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code gpu_submit} row (columns of {@code gpu_submit.avsc}, in order) from the wire record. */
final class GpuSubmitEventEncoder implements RowEncoder<GpuSubmitEventFlyweight> {
    private final EnumSymbols<GpuDriver> drivers = new EnumSymbols<>(GpuDriver.class);
    private final EnumSymbols<GpuSubmitSource> sources = new EnumSymbols<>(GpuSubmitSource.class);

    @Override
    public void write(GpuSubmitEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putLong(out, 4, "ioctl_cmd", event.ioctlCmd());
        putInt(out, 5, "fd", event.fd());
        putInt(out, 6, "ioctl_nr", event.ioctlNr());
        putBinary(out, 7, "driver", drivers.of(event.driver()));
        putBinary(out, 8, "source", sources.of(event.source()));
    }
}
