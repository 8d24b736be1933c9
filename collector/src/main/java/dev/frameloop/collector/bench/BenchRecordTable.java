package dev.frameloop.collector.bench;

import dev.frameloop.core.dataset.DatasetTable;
import dev.frameloop.core.dataset.SchemaVersion;
import dev.frameloop.core.event.BenchRecordFlyweight;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/**
 * The table {@code frameloop bench record} writes: one row per {@code struct fl_bench_record}
 * (sequence number and producer timestamp), encoded from the ring in place by the record path,
 * and as a new {@link GenericRecord} per row by the parquet-avro reference.
 */
final class BenchRecordTable {
    /** Table (folder) name. */
    static final String NAME = "bench_record";
    static final Schema SCHEMA = SchemaBuilder.record("BenchRecord").namespace("dev.frameloop.bench")
            .prop(SchemaVersion.PROPERTY, 1)
            .fields()
            .name("seq").doc("Sequence number, 0-based, in production order. Wire: fl_bench_record.seq, __u64.")
            .type().longType().noDefault()
            .name("timestamp_ns").doc("bpf_ktime_get_ns() when the producer reserved the record. Unit: ns of"
                    + " CLOCK_MONOTONIC. Wire: fl_bench_record.timestamp_ns, __u64.")
            .type().longType().noDefault()
            .endRecord();

    private BenchRecordTable() {
    }

    /** A new table (its own encoder). */
    static DatasetTable<BenchRecordFlyweight> table() {
        return new DatasetTable<>(NAME, SCHEMA, (row, out) -> {
            putLong(out, 0, "seq", row.seq());
            putLong(out, 1, "timestamp_ns", row.timestampNs());
        }, 1);
    }

    /** The reference's row: a new record per call, as parquet-avro users write it. */
    static GenericRecord toRecord(BenchRecordFlyweight row, Schema schema) {
        GenericData.Record record = new GenericData.Record(schema);
        record.put(0, row.seq());
        record.put(1, row.timestampNs());
        return record;
    }
}
