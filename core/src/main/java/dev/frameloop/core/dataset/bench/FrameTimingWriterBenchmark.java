package dev.frameloop.core.dataset.bench;

import dev.frameloop.core.dataset.DatasetTable;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.dataset.parquet.ParquetSettings;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameSource;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The writer half of {@code frameloop bench record}: the same frame-timing records written by
 * frameloop's writer (row encoder straight from the flyweight, {@link ParquetSettings#DEFAULT})
 * and by the reference, parquet-avro by itself ({@code AvroParquetWriter}, a new
 * {@code GenericRecord} per row, SNAPPY, default settings), in one run. With {@code all}, also
 * the other settings and outputs considered (codecs, writer versions, Hadoop and parquet's local
 * output) — the measurement behind the defaults.
 */
public final class FrameTimingWriterBenchmark {
    /** Name of frameloop's writer in the results. */
    public static final String FRAMELOOP = "frameloop";
    /** Name of the reference in the results. */
    public static final String REFERENCE = "reference";

    private FrameTimingWriterBenchmark() {
    }

    /**
     * Runs the comparison.
     *
     * @param rowsPerRound rows per file
     * @param rounds       measured rounds per candidate (after 2 warm-up rounds)
     * @param all          also every alternative setting and output
     * @param scratch      folder for the files
     * @return the measurements, frameloop's writer first and the reference second
     */
    public static List<WriterMeasurement> run(long rowsPerRound, int rounds, boolean all, Path scratch)
            throws IOException {
        FrameTimingSamples samples = new FrameTimingSamples(1 << 18, 42);
        Schema schema = EventTables.schema(EventType.FRAME_TIMING);
        List<WriterCandidate> candidates = new ArrayList<>();
        candidates.add(encoder(FRAMELOOP, samples, ParquetSettings.DEFAULT, EncoderCandidate.Output.NIO_FSYNC));
        candidates.add(new AvroReferenceCandidate<>(REFERENCE, schema, samples, new ToGenericRecord(schema),
                CompressionCodecName.SNAPPY));
        if (all) {
            ParquetSettings v2 = ParquetSettings.DEFAULT.withWriterVersion(WriterVersion.PARQUET_2_0);
            ParquetSettings v1 = ParquetSettings.DEFAULT.withWriterVersion(WriterVersion.PARQUET_1_0);
            for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD,
                    CompressionCodecName.UNCOMPRESSED)) {
                candidates.add(encoder("encoder v2 " + codec, samples, v2.withCodec(codec),
                        EncoderCandidate.Output.NIO_FSYNC));
                candidates.add(encoder("encoder v1 " + codec, samples, v1.withCodec(codec),
                        EncoderCandidate.Output.NIO_FSYNC));
            }
            candidates.add(encoder("encoder default, parquet LocalOutputFile", samples, ParquetSettings.DEFAULT,
                    EncoderCandidate.Output.PARQUET_LOCAL));
            candidates.add(encoder("encoder default, HadoopOutputFile raw local", samples, ParquetSettings.DEFAULT,
                    EncoderCandidate.Output.HADOOP_LOCAL));
            candidates.add(new AvroReferenceCandidate<>("avro GenericRecord ZSTD", schema, samples,
                    new ToGenericRecord(schema), CompressionCodecName.ZSTD));
        }
        return new WriterComparison(candidates, rowsPerRound, 2, rounds, scratch).run();
    }

    /** Prints a table of measurements, with each one's rate relative to the reference. */
    public static void print(List<WriterMeasurement> results, PrintStream out) {
        WriterMeasurement reference = results.stream().filter(r -> r.name().equals(REFERENCE)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference measurement"));
        out.printf(Locale.ROOT, "%-46s %12s %8s %14s %8s %10s %12s%n", "writer", "rows/s", "ratio", "rows/cpu-s",
                "ratio", "bytes/row", "alloc B/row");
        for (WriterMeasurement result : results) {
            out.printf(Locale.ROOT, "%-46s %12.0f %8.2f %14.0f %8.2f %10.2f %12.1f%n", result.name(),
                    result.rowsPerSecond(), result.rowsPerSecond() / reference.rowsPerSecond(),
                    result.rowsPerCpuSecond(), result.rowsPerCpuSecond() / reference.rowsPerCpuSecond(),
                    result.bytesPerRow(), result.allocatedPerRow());
        }
    }

    /** {@code FrameTimingWriterBenchmark [rows-per-round] [rounds] [all]}: prints the comparison. */
    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean all = args.length > 2 && args[2].equals("all");
        Path scratch = Files.createTempDirectory("frameloop-writer-bench");
        try {
            print(run(rows, rounds, all, scratch), System.out);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static EncoderCandidate<FrameTimingEventFlyweight> encoder(String name, FrameTimingSamples samples,
                                                                       ParquetSettings settings,
                                                                       EncoderCandidate.Output output) {
        @SuppressWarnings("unchecked")
        DatasetTable<FrameTimingEventFlyweight> table =
                (DatasetTable<FrameTimingEventFlyweight>) EventTables.binding(EventType.FRAME_TIMING).newTable();
        return new EncoderCandidate<>(name, table, samples, settings, output);
    }

    /** What a parquet-avro user writes per row: a new GenericRecord, values boxed. */
    private static final class ToGenericRecord
            implements java.util.function.BiFunction<FrameTimingEventFlyweight, Schema, GenericRecord> {
        private final GenericData.EnumSymbol[] sources;

        ToGenericRecord(Schema schema) {
            Schema sourceSchema = schema.getField("source").schema();
            sources = new GenericData.EnumSymbol[FrameSource.values().length];
            for (FrameSource source : FrameSource.values()) {
                sources[source.ordinal()] = new GenericData.EnumSymbol(sourceSchema, source.name());
            }
        }

        @Override
        public GenericRecord apply(FrameTimingEventFlyweight event, Schema schema) {
            GenericData.Record record = new GenericData.Record(schema);
            record.put(0, event.timestampNs());
            record.put(1, event.cpu());
            record.put(2, event.pid());
            record.put(3, event.tid());
            record.put(4, event.frameIntervalNs());
            record.put(5, event.gpuToPresentNs());
            record.put(6, event.compositorLatencyNs());
            record.put(7, event.swapchainId());
            record.put(8, event.frameSeq());
            record.put(9, sources[event.source().ordinal()]);
            record.put(10, event.frameDropped());
            record.put(11, event.vsyncMissed());
            return record;
        }
    }
}
