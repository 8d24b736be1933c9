package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.StorageEntry;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset folder for reading: the sessions it holds, each read through a {@link SessionReader}.
 *
 * <pre>{@code
 * Dataset dataset = Dataset.open("/data/frameloop", catalog);
 * for (SessionId id : dataset.sessions()) {
 *     SessionReader session = dataset.session(id);
 *     long frames = session.count("frame_timing");
 * }
 * }</pre>
 */
public final class Dataset {
    private final DatasetStorage storage;
    private final TableCatalog catalog;

    /** A dataset in {@code storage} whose tables are checked against {@code catalog}. */
    public Dataset(DatasetStorage storage, TableCatalog catalog) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Opens the dataset at a path or Hadoop URI (see {@link DatasetStorage#open}). */
    public static Dataset open(String location, TableCatalog catalog) throws IOException {
        return new Dataset(DatasetStorage.open(location), catalog);
    }

    /** The storage it reads from. */
    public DatasetStorage storage() {
        return storage;
    }

    /** The tables it knows. */
    public TableCatalog catalog() {
        return catalog;
    }

    /**
     * Every session folder, oldest first (ids sort by start time).
     *
     * @throws NoSuchFileException if the dataset folder does not exist
     */
    public List<SessionId> sessions() throws IOException {
        List<SessionId> sessions = new ArrayList<>();
        for (StorageEntry entry : storage.list("")) {
            if (entry.directory()) {
                DatasetPaths.sessionOf(entry.name()).ifPresent(sessions::add);
            }
        }
        sessions.sort(null);
        return sessions;
    }

    /** The newest session, if any. */
    public Optional<SessionId> latestSession() throws IOException {
        List<SessionId> sessions = sessions();
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
    }

    /**
     * A reader of one session.
     *
     * @throws NoSuchFileException if the session folder does not exist
     */
    public SessionReader session(SessionId id) throws IOException {
        if (!storage.exists(DatasetPaths.sessionDir(id))) {
            throw new NoSuchFileException(storage.describe(DatasetPaths.sessionDir(id)), null,
                    "no such session in this dataset");
        }
        return new SessionReader(storage, id, catalog);
    }
}
