package dev.frameloop.core.dataset.bench;

import dev.frameloop.core.dataset.DatasetTable;
import dev.frameloop.core.dataset.parquet.FlatParquetWriter;
import dev.frameloop.core.dataset.parquet.ParquetFiles;
import dev.frameloop.core.dataset.parquet.ParquetSettings;
import dev.frameloop.core.dataset.storage.HadoopStorage;
import dev.frameloop.core.dataset.storage.LocalStorage;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * frameloop's writer: the table's {@code RowEncoder} writing straight from the row source to
 * Parquet, with the given settings and output.
 *
 * @param <T> what a row is read from
 */
public final class EncoderCandidate<T> implements WriterCandidate {

    /** Where the bytes go. */
    public enum Output {
        /** {@link LocalStorage}: java.nio channel, fsync on close (what sessions use for local paths). */
        NIO_FSYNC,
        /** parquet's own {@link LocalOutputFile} (no fsync). */
        PARQUET_LOCAL,
        /** {@link HadoopStorage} over Hadoop's raw local file system, hsync on close. */
        HADOOP_LOCAL
    }

    private final String name;
    private final DatasetTable<T> table;
    private final RowSource<T> source;
    private final ParquetSettings settings;
    private final Output output;
    private final Configuration conf = new Configuration();

    /** A candidate named {@code name}. */
    public EncoderCandidate(String name, DatasetTable<T> table, RowSource<T> source, ParquetSettings settings,
                            Output output) {
        this.name = Objects.requireNonNull(name, "name");
        this.table = Objects.requireNonNull(table, "table");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long writeFile(Path file, long rows) throws IOException {
        OutputFile out = switch (output) {
            case NIO_FSYNC -> new LocalStorage(file.getParent()).newFile(file.getFileName().toString());
            case PARQUET_LOCAL -> new LocalOutputFile(file);
            case HADOOP_LOCAL -> HadoopStorage.open(file.getParent().toUri(), conf).newFile(file.getFileName().toString());
        };
        try (FlatParquetWriter<T> writer = ParquetFiles.writer(out, table.schema(), table.encoder(),
                Map.of("frameloop.schema.version", Integer.toString(table.schemaVersion())), settings, conf)) {
            for (long i = 0; i < rows; i++) {
                writer.write(source.row(i));
            }
        }
        return Files.size(file);
    }
}
