package dev.frameloop.collector.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Renders a {@link RecordBenchResult}: one JSON object ({@code --json}) or lines for people. */
final class RecordBenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordBenchReport() {
    }

    static String json(RecordBenchResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("events_per_s", Math.round(r.eventsPerS()));
        o.put("reference_events_per_s", Math.round(r.referenceEventsPerS()));
        o.put("ratio", round3(r.ratio()));
        o.put("drops", r.drops());
        o.put("heap_max_bytes", r.heapMaxBytes());
        o.put("bytes_per_row", round3(r.bytesPerRow()));
        o.put("reference_bytes_per_row", round3(r.referenceBytesPerRow()));
        o.put("events_per_cpu_s", Math.round(r.eventsPerCpuS()));
        o.put("reference_events_per_cpu_s", Math.round(r.referenceEventsPerCpuS()));
        o.put("rows", r.rows());
        o.put("produced", r.produced());
        o.put("files", r.files());
        o.put("seconds", round3(r.seconds()));
        o.put("target_rate_per_s", r.targetRate());
        o.put("reference_rows_per_round", r.referenceRowsPerRound());
        return o.toString();
    }

    static String text(RecordBenchResult r) {
        return String.format(Locale.ROOT, String.join("%n",
                        "record path (ring -> Java -> Parquet v2 SNAPPY, synced): %,.0f events/s (%,d rows in %d files, %.1f s%s)",
                        "parquet-avro alone (AvroParquetWriter, new GenericRecord per row, SNAPPY, defaults): %,.0f events/s",
                        "ratio: %.3f (>= 1: the whole path is no slower than parquet-avro by itself)",
                        "drops: %,d; heap high-water mark: %,d bytes; on disk: %.2f bytes/row (reference %.2f)"),
                r.eventsPerS(), r.rows(), r.files(), r.seconds(),
                r.targetRate() == 0 ? ", producer as fast as the pipeline takes records" : ", producer at " + r.targetRate() + "/s",
                r.referenceEventsPerS(), r.ratio(), r.drops(), r.heapMaxBytes(), r.bytesPerRow(), r.referenceBytesPerRow());
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
