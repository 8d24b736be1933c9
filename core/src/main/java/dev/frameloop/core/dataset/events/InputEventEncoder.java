package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.DeviceKind;
import dev.frameloop.core.event.InputEventFlyweight;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes an {@code input} row (columns of {@code input.avsc}, in order) from the wire record. */
final class InputEventEncoder implements RowEncoder<InputEventFlyweight> {
    private final EnumSymbols<DeviceKind> deviceKinds = new EnumSymbols<>(DeviceKind.class);

    @Override
    public void write(InputEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "device_id", event.deviceId());
        putInt(out, 3, "ev_value", event.evValue());
        putInt(out, 4, "ev_type", event.evType());
        putInt(out, 5, "ev_code", event.evCode());
        putInt(out, 6, "bustype", event.bustype());
        putInt(out, 7, "vendor", event.vendor());
        putInt(out, 8, "product", event.product());
        putBinary(out, 9, "device_kind", deviceKinds.of(event.deviceKind()));
    }
}
