package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.StorageEntry;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared helpers of the dataset tests. */
final class Sessions {
    static final Instant START = Instant.parse("2026-01-14T15:30:12Z");
    static final SessionInfo INFO = new SessionInfo("testhost", "6.18.0-test", "observe", "ab12",
            Map.of("sample", "test:fixture"));
    static final TableCatalog CATALOG = TableCatalog.of(Map.of(SampleTable.NAME, SampleTable.SCHEMA,
            "other", SampleTable.SCHEMA));

    private Sessions() {
    }

    static SessionWriterOptions rollEvery(long rows) {
        return SessionWriterOptions.DEFAULT.withRoll(new RollPolicy(rows, Duration.ofSeconds(30)));
    }

    /** Names in the sample table's folder. */
    static List<String> tableFiles(DatasetStorage storage, SessionId id) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (StorageEntry entry : storage.list(DatasetPaths.tableDir(id, SampleTable.NAME))) {
                names.add(entry.name());
            }
        } catch (NoSuchFileException none) {
            return names;
        }
        return names;
    }

    /** Writes rows 0..count-1 of the sample table. */
    static void writeRows(TableWriter<SampleTable.SampleRow> table, long from, long count) {
        SampleTable.SampleRow row = new SampleTable.SampleRow();
        for (long i = from; i < from + count; i++) {
            table.write(row.set(i));
        }
    }
}
