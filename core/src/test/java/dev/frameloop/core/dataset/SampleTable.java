package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.parquet.Columns;
import org.apache.avro.Schema;
import org.apache.parquet.io.api.Binary;

/**
 * A small table for tests of the generic dataset layer: one row type ({@link SampleRow}) with
 * every column kind events use (long, int, boolean, enum, bytes).
 */
final class SampleTable {
    static final String NAME = "sample";

    static final String SCHEMA_JSON = """
            {"type": "record", "name": "SampleEvent", "namespace": "dev.frameloop.test",
             "frameloop.schema.version": %d,
             "fields": [
               {"name": "timestamp_ns", "type": "long", "doc": "ns"},
               {"name": "cpu", "type": "int", "doc": "cpu"},
               {"name": "value", "type": "long", "doc": "a value"},
               {"name": "flag", "type": "boolean", "doc": "a flag"},
               {"name": "kind", "type": {"type": "enum", "name": "SampleKind", "symbols": ["UNKNOWN", "A", "B"],
                                          "default": "UNKNOWN"}, "doc": "a kind"},
               {"name": "comm", "type": "bytes", "doc": "raw bytes"}
             ]}""";

    static final Schema SCHEMA = schema(1);

    private static final Binary[] KINDS = {
            Binary.fromConstantByteArray("UNKNOWN".getBytes()),
            Binary.fromConstantByteArray("A".getBytes()),
            Binary.fromConstantByteArray("B".getBytes())};

    private SampleTable() {
    }

    static Schema schema(int version) {
        return new Schema.Parser().parse(String.format(SCHEMA_JSON, version));
    }

    static DatasetTable<SampleRow> table() {
        return table(NAME, SCHEMA);
    }

    static DatasetTable<SampleRow> table(String name, Schema schema) {
        return new DatasetTable<>(name, schema, (row, consumer) -> {
            Columns.putLong(consumer, 0, "timestamp_ns", row.timestampNs);
            Columns.putInt(consumer, 1, "cpu", row.cpu);
            Columns.putLong(consumer, 2, "value", row.value);
            Columns.putBoolean(consumer, 3, "flag", row.flag);
            Columns.putBinary(consumer, 4, "kind", KINDS[row.kind]);
            Columns.putBinary(consumer, 5, "comm", Binary.fromReusedByteArray(row.comm, 0, row.commLength));
        }, 1);
    }

    /** A mutable row, reused like a flyweight. */
    static final class SampleRow {
        long timestampNs;
        int cpu;
        long value;
        boolean flag;
        int kind;
        byte[] comm = new byte[16];
        int commLength;

        SampleRow set(long i) {
            timestampNs = 1_000_000_000L + i * 1000;
            cpu = (int) (i % 4);
            value = i * 7;
            flag = i % 3 == 0;
            kind = (int) (i % 3);
            byte[] text = ("t" + i).getBytes();
            System.arraycopy(text, 0, comm, 0, text.length);
            commLength = text.length;
            return this;
        }
    }
}
