package dev.frameloop.collector.bench;

import dev.frameloop.core.dataset.DatasetTable;
import dev.frameloop.core.dataset.SchemaVersion;
import dev.frameloop.core.dataset.parquet.ParquetFiles;
import dev.frameloop.core.event.BenchFrameFlyweight;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import static dev.frameloop.core.dataset.parquet.Columns.putBoolean;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/**
 * The table {@code frameloop bench record} writes: one row per {@code struct fl_bench_frame}, a
 * frame-timing row of six fields (four longs, two booleans). One Avro schema for both writers:
 * the record path encodes each row from the ring in place, the parquet-avro reference builds a
 * new {@link GenericRecord} per row.
 */
final class BenchRecordTable {
    /** Table (folder) name. */
    static final String NAME = "bench_frame";
    static final Schema SCHEMA = SchemaBuilder.record("BenchFrame").namespace("dev.frameloop.bench")
            .prop(SchemaVersion.PROPERTY, 1)
            .fields()
            .name("seq").prop(ParquetFiles.DICTIONARY_PROPERTY, false).doc("Sequence number, 0-based, in production order. Wire: fl_bench_frame.seq, __u64.")
            .type().longType().noDefault()
            .name("timestamp_ns").doc("bpf_ktime_get_ns() when the producer reserved the record. Unit: ns of"
                    + " CLOCK_MONOTONIC. Wire: fl_bench_frame.timestamp_ns, __u64.")
            .type().longType().noDefault()
            .name("frame_interval_ns").doc("Time since the previous frame. Unit: ns. Derived from seq by the"
                    + " producer. Wire: fl_bench_frame.frame_interval_ns, __u64.")
            .type().longType().noDefault()
            .name("gpu_to_present_ns").doc("Time from the last GPU submit to the present. Unit: ns. Derived from"
                    + " seq by the producer. Wire: fl_bench_frame.gpu_to_present_ns, __u64.")
            .type().longType().noDefault()
            .name("frame_dropped").doc("The frame did not reach the screen. Wire: fl_bench_frame.frame_dropped,"
                    + " __u8 != 0.")
            .type().booleanType().noDefault()
            .name("vsync_missed").doc("The present missed its vblank. Wire: fl_bench_frame.vsync_missed, __u8 != 0.")
            .type().booleanType().noDefault()
            .endRecord();

    private BenchRecordTable() {
    }

    /** A new table (its own encoder). */
    static DatasetTable<BenchFrameFlyweight> table() {
        return new DatasetTable<>(NAME, SCHEMA, (row, out) -> {
            putLong(out, 0, "seq", row.seq());
            putLong(out, 1, "timestamp_ns", row.timestampNs());
            putLong(out, 2, "frame_interval_ns", row.frameIntervalNs());
            putLong(out, 3, "gpu_to_present_ns", row.gpuToPresentNs());
            putBoolean(out, 4, "frame_dropped", row.frameDropped());
            putBoolean(out, 5, "vsync_missed", row.vsyncMissed());
        }, 1);
    }

    /** The reference's row: a new record per call, as parquet-avro users write it. */
    static GenericRecord toRecord(BenchFrameFlyweight row, Schema schema) {
        GenericData.Record record = new GenericData.Record(schema);
        record.put(0, row.seq());
        record.put(1, row.timestampNs());
        record.put(2, row.frameIntervalNs());
        record.put(3, row.gpuToPresentNs());
        record.put(4, row.frameDropped());
        record.put(5, row.vsyncMissed());
        return record;
    }
}
