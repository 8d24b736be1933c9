package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.StorageEntry;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads one session: its manifest, its event types, row counts (from footers, without reading
 * rows) and rows as Avro {@link GenericRecord}s with the schema they were written with. Every
 * file is checked first ({@link PartFileInspector}): a truncated or corrupt file, a foreign
 * schema or a newer schema version fails with a {@link DatasetFormatException} naming the file.
 * Only complete files are read: temporary and moved-aside files are never seen.
 */
public final class SessionReader {
    private final DatasetStorage storage;
    private final SessionId id;
    private final TableCatalog catalog;
    private final Configuration conf;

    SessionReader(DatasetStorage storage, SessionId id, TableCatalog catalog) {
        this.storage = storage;
        this.id = id;
        this.catalog = catalog;
        this.conf = new Configuration();
        // a page whose bytes changed fails its CRC instead of decoding into wrong values
        conf.setBoolean("parquet.page.verify-checksum.enabled", true);
    }

    /** The session id. */
    public SessionId id() {
        return id;
    }

    /**
     * The session's manifest.
     *
     * @throws NoSuchFileException    if it has none
     * @throws DatasetFormatException if it is unreadable or of a newer layout
     */
    public SessionManifest manifest() throws IOException {
        return ManifestJson.read(storage, id);
    }

    /** Event types that have at least one complete file, sorted. */
    public List<String> eventTypes() throws IOException {
        List<String> types = new ArrayList<>();
        for (StorageEntry entry : storage.list(DatasetPaths.sessionDir(id))) {
            if (!entry.directory()) {
                continue;
            }
            var table = DatasetPaths.tableOf(entry.name());
            if (table.isPresent() && !partPaths(table.get()).isEmpty()) {
                types.add(table.get());
            }
        }
        return types;
    }

    /** The complete files of an event type, in part order, each checked (footer only). */
    public List<PartFooter> files(String table) throws IOException {
        List<PartFooter> footers = new ArrayList<>();
        for (String path : partPaths(table)) {
            footers.add(PartFileInspector.footer(storage, path, table, catalog));
        }
        return footers;
    }

    /** Rows of an event type, from the footers. */
    public long count(String table) throws IOException {
        return files(table).stream().mapToLong(PartFooter::rows).sum();
    }

    /** Calls {@code action} with every row of an event type, file by file, in write order. */
    public void forEach(String table, Consumer<? super GenericRecord> action) throws IOException {
        Objects.requireNonNull(action, "action");
        try (Rows rows = rows(table)) {
            while (rows.hasNext()) {
                action.accept(rows.next());
            }
        }
    }

    /** Every row of an event type, in memory. */
    public List<GenericRecord> readAll(String table) throws IOException {
        List<GenericRecord> all = new ArrayList<>();
        forEach(table, all::add);
        return all;
    }

    /**
     * An iterator over every row of an event type; close it when done. A file that turns out
     * corrupt while it is read fails the iteration with a {@link DatasetFormatException}
     * naming it.
     */
    public Rows rows(String table) throws IOException {
        return new Rows(files(table));
    }

    private List<String> partPaths(String table) throws IOException {
        String dir = DatasetPaths.tableDir(id, table);
        List<StorageEntry> entries;
        try {
            entries = storage.list(dir);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        entries.stream()
                .filter(entry -> !entry.directory() && DatasetPaths.partIndex(entry.name()).isPresent())
                .sorted(java.util.Comparator.comparing(entry -> DatasetPaths.partIndex(entry.name()).orElseThrow()))
                .forEach(entry -> paths.add(dir + "/" + entry.name()));
        return paths;
    }

    /** Rows of one event type across its files. */
    public final class Rows implements Iterator<GenericRecord>, AutoCloseable {
        private final Iterator<PartFooter> files;
        private ParquetReader<GenericRecord> reader;
        private String readerPath;
        private GenericRecord next;

        private Rows(List<PartFooter> files) {
            this.files = files.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (reader == null) {
                        if (!files.hasNext()) {
                            return false;
                        }
                        open(files.next().path());
                    }
                    next = readOne();
                    if (next == null) {
                        reader.close();
                        reader = null;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(storage.describe(readerPath) + ": " + e.getMessage(), e);
            }
        }

        @Override
        public GenericRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            GenericRecord record = next;
            next = null;
            return record;
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }

        private void open(String path) throws IOException {
            readerPath = path;
            try {
                reader = AvroParquetReader.<GenericRecord>builder(storage.inputFile(path)).withConf(conf).build();
            } catch (RuntimeException e) {
                throw corrupt(path, e);
            }
        }

        private GenericRecord readOne() throws IOException {
            try {
                return reader.read();
            } catch (RuntimeException e) {
                throw corrupt(readerPath, e);
            }
        }

        private DatasetFormatException corrupt(String path, RuntimeException e) {
            return new DatasetFormatException(DatasetFormatException.Problem.CORRUPT, storage.describe(path)
                    + " could not be read (damaged: " + e.getMessage() + ")" + PartFileInspector.FSCK_ADVICE, e);
        }
    }
}
