package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.bench.FrameTimingSamples;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.dataset.parquet.FlatParquetWriter;
import dev.frameloop.core.dataset.parquet.ParquetFiles;
import dev.frameloop.core.dataset.parquet.ParquetSettings;
import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameSource;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU cost per row of turning frame-timing wire records into Parquet, without the disk: each
 * invocation writes {@value #ROWS} rows into a new file whose bytes are counted and dropped.
 * {@code encoder} is frameloop's writer (row encoder straight from the flyweight, default
 * settings); {@code avroGenericRecord} is parquet-avro by itself (a new GenericRecord per row,
 * SNAPPY, default settings). The on-disk comparison (fsync, bytes per row) is
 * {@code FrameTimingWriterBenchmark}, which {@code frameloop bench record} runs.
 *
 * <p>Run: {@code mvn -pl core -am test-compile}, then
 * {@code java -cp core/target/test-classes:core/target/classes:<test classpath> org.openjdk.jmh.Main ParquetRowWriterBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class ParquetRowWriterBenchmark {
    private static final int ROWS = 200_000;

    private FrameTimingSamples samples;
    private Schema schema;
    private RowEncoder<FrameTimingEventFlyweight> encoder;
    private GenericData.EnumSymbol[] sources;
    private Configuration conf;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        samples = new FrameTimingSamples(1 << 16, 42);
        schema = EventTables.schema(EventType.FRAME_TIMING);
        encoder = (RowEncoder<FrameTimingEventFlyweight>) EventTables.binding(EventType.FRAME_TIMING).encoders().get();
        sources = new GenericData.EnumSymbol[FrameSource.values().length];
        for (FrameSource source : FrameSource.values()) {
            sources[source.ordinal()] = new GenericData.EnumSymbol(schema.getField("source").schema(), source.name());
        }
        conf = new Configuration();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long encoder() throws IOException {
        CountingOutput out = new CountingOutput();
        try (FlatParquetWriter<FrameTimingEventFlyweight> writer =
                     ParquetFiles.writer(out, schema, encoder, Map.of(), ParquetSettings.DEFAULT, conf)) {
            for (int i = 0; i < ROWS; i++) {
                writer.write(samples.row(i));
            }
        }
        return out.bytes;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long avroGenericRecord() throws IOException {
        CountingOutput out = new CountingOutput();
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(out)
                .withSchema(schema).withCompressionCodec(CompressionCodecName.SNAPPY).withConf(conf).build()) {
            for (int i = 0; i < ROWS; i++) {
                FrameTimingEventFlyweight event = samples.row(i);
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
                writer.write(record);
            }
        }
        return out.bytes;
    }

    /** A file that counts its bytes and keeps none. */
    private static final class CountingOutput implements OutputFile {
        long bytes;

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes;
                }

                @Override
                public void write(int b) {
                    bytes++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes += len;
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
