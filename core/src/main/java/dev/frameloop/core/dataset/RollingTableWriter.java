package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.parquet.ParquetSettings;
import dev.frameloop.core.dataset.storage.DatasetStorage;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the rows of one table as a sequence of part files, rolling by rows and by time.
 * Counts every row: {@code received = written + lost + inProgress} at all times. Not thread-safe.
 *
 * @param <T> what a row is read from
 */
final class RollingTableWriter<T> {
    private final DatasetStorage storage;
    private final SessionId session;
    private final DatasetTable<T> table;
    private final ParquetSettings settings;
    private final Configuration conf;
    private final RollPolicy policy;
    private final Clock clock;
    private final List<DataFile> files = new ArrayList<>();
    private PartFile<T> current;
    private int nextIndex;
    private long received;
    private long written;
    private long lost;

    RollingTableWriter(DatasetStorage storage, SessionId session, DatasetTable<T> table, ParquetSettings settings,
                       Configuration conf, RollPolicy policy, Clock clock) {
        this.storage = storage;
        this.session = session;
        this.table = table;
        this.settings = settings;
        this.conf = conf;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Appends a row, opening a file if none is open and closing it when it reaches
     * {@link RollPolicy#maxRows()}. After an exception the caller must {@link #abandon} the
     * writer: the row and the open file's rows are then counted as lost. Reads the clock only
     * when it opens a file.
     */
    void write(T row) throws IOException {
        received++;
        if (current == null) {
            current = PartFile.create(storage, session, table, nextIndex++, settings, conf, clock.instant());
        }
        current.write(row);
        if (current.rows() >= policy.maxRows()) {
            commitCurrent();
        }
    }

    /** Closes the open file if it has been open for {@link RollPolicy#maxInterval()} or longer. */
    void tick(Instant now) throws IOException {
        if (current != null && !now.isBefore(current.openedAt().plus(policy.maxInterval()))) {
            commitCurrent();
        }
    }

    /** Closes the open file, if any. */
    void close() throws IOException {
        if (current != null) {
            commitCurrent();
        }
    }

    /**
     * Gives up on the open file after {@code failure} (deleting it) and counts its rows as lost.
     *
     * @return the rows lost with it
     */
    long abandon(Throwable failure) {
        long rowsLost = 0;
        if (current != null) {
            rowsLost = current.rows();
            current.discard(failure);
            current = null;
        }
        // a row whose write threw before the file counted it
        long unaccounted = received - written - lost - rowsLost;
        rowsLost += unaccounted;
        lost += rowsLost;
        return rowsLost;
    }

    /** Counts a row that arrived after the session stopped writing. */
    void countLost() {
        received++;
        lost++;
    }

    private void commitCurrent() throws IOException {
        PartFile<T> file = current;
        current = null;
        try {
            DataFile done = file.commit();
            files.add(done);
            written += done.rows();
        } catch (IOException | RuntimeException e) {
            lost += file.rows();
            throw e;
        }
    }

    DatasetTable<T> table() {
        return table;
    }

    TableCounts counts() {
        return new TableCounts(table.schemaVersion(), received, written, lost, current == null ? 0 : current.rows());
    }

    List<DataFile> files() {
        return List.copyOf(files);
    }
}
