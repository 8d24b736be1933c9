package dev.frameloop.ml.analysis;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.DatasetFormatException;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionManifest;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.TableCounts;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded session, read into memory as Tablesaw tables (one per event type, every row) for
 * notebooks: its manifest, event counts and rates, a per-thread table and frame-time series.
 *
 * <pre>{@code
 * SessionTables session = SessionTables.load(Notebook.dataDir());
 * session.eventCounts();
 * session.threads();
 * session.frames().stats();
 * }</pre>
 *
 * Loading reads every file of the session, so an unreadable file fails {@link #load} with one
 * {@link SessionLoadException} naming it, not a later cell.
 */
public final class SessionTables {
    private static final String SESSION_PREFIX = "session=";

    private final Path datasetDir;
    private final SessionId id;
    private final SessionManifest manifest;
    private final Map<EventType, Table> tables;

    private SessionTables(Path datasetDir, SessionId id, SessionManifest manifest, Map<EventType, Table> tables) {
        this.datasetDir = datasetDir;
        this.id = id;
        this.manifest = manifest;
        this.tables = Collections.unmodifiableMap(tables);
    }

    /**
     * Loads a session from {@code dir}: either one session's folder ({@code session=<id>}) or a
     * dataset folder, of which the newest session is loaded.
     *
     * @throws SessionLoadException if there is no session there or a file of it is unreadable
     */
    public static SessionTables load(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        requireDirectory(path);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.startsWith(SESSION_PREFIX)) {
            return load(path.getParent(), name.substring(SESSION_PREFIX.length()));
        }
        Dataset dataset = open(path);
        List<SessionId> sessions;
        try {
            sessions = dataset.sessions();
        } catch (IOException e) {
            throw new SessionLoadException("cannot list the sessions in " + path + ": " + describe(e), e);
        }
        if (sessions.isEmpty()) {
            throw new SessionLoadException("no session in " + path + ": a dataset folder holds session=<id> folders"
                    + " written by the frameloop recorder; pass a dataset folder or one session's folder");
        }
        return read(path, dataset, sessions.get(sessions.size() - 1));
    }

    /**
     * Loads session {@code sessionId} of the dataset in {@code datasetDir}.
     *
     * @throws SessionLoadException if it does not exist or a file of it is unreadable
     */
    public static SessionTables load(Path datasetDir, String sessionId) {
        Path path = datasetDir.toAbsolutePath().normalize();
        requireDirectory(path);
        if (!SessionId.isValid(sessionId)) {
            throw new SessionLoadException("'" + sessionId + "' is not a session id (expected yyyyMMddTHHmmss.SSSZ-xxxxxx,"
                    + " e.g. 20260114T153012.345Z-3f9a0c)");
        }
        SessionId id = SessionId.parse(sessionId);
        if (!Files.isDirectory(path.resolve(SESSION_PREFIX + id.value()))) {
            throw new SessionLoadException("no session " + id.value() + " in " + path);
        }
        return read(path, open(path), id);
    }

    private static void requireDirectory(Path path) {
        if (!Files.exists(path)) {
            throw new SessionLoadException("cannot load a session from " + path + ": it does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new SessionLoadException("cannot load a session from " + path + ": it is not a folder"
                    + " (expected a dataset folder or a session=<id> folder)");
        }
    }

    private static Dataset open(Path path) {
        try {
            return EventTables.openDataset(path.toString());
        } catch (IOException e) {
            throw new SessionLoadException("cannot open the dataset " + path + ": " + describe(e), e);
        }
    }

    private static SessionTables read(Path datasetDir, Dataset dataset, SessionId id) {
        try {
            SessionReader reader = dataset.session(id);
            SessionManifest manifest = reader.manifest();
            Map<EventType, Table> tables = new EnumMap<>(EventType.class);
            for (EventType type : EventType.values()) {
                String name = EventTables.tableName(type);
                tables.put(type, AvroTables.toTable(name, EventTables.schema(type), reader.readAll(name)));
            }
            return new SessionTables(datasetDir, id, manifest, tables);
        } catch (IOException | DatasetFormatException e) {
            String problem = describe(e);
            String advice = problem.contains("frameloop fsck") ? ""
                    : ". `frameloop fsck " + datasetDir + "` checks the dataset and repairs what it can";
            throw new SessionLoadException("cannot load session " + id.value() + " from " + datasetDir + ": " + problem + advice, e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The dataset folder the session is in. */
    public Path datasetDir() {
        return datasetDir;
    }

    /** The session id. */
    public SessionId id() {
        return id;
    }

    /** The session's manifest (host, kernel, mode, start and end, counts, drops). */
    public SessionManifest manifest() {
        return manifest;
    }

    /** Every row of an event type, one column per dataset column (empty when the session has none). */
    public Table table(EventType type) {
        return tables.get(type);
    }

    /** Every row of the event table {@code name} ({@code frame_timing} …). */
    public Table table(String name) {
        return table(EventTables.typeOf(name).orElseThrow(() ->
                new IllegalArgumentException("no event table " + name + "; the tables are "
                        + java.util.Arrays.stream(EventType.values()).map(EventTables::tableName).toList())));
    }

    /**
     * How long the session recorded: from the manifest's start to its end (or, for a session that
     * did not end cleanly, to its last manifest update).
     */
    public Duration duration() {
        Instant end = manifest.endedAt() != null ? manifest.endedAt() : manifest.updatedAt();
        return Duration.between(manifest.startedAt(), end);
    }

    /**
     * Rows, rows lost by the recorder, and rows per second of the session's duration, per event
     * type (every type, also those with no rows); ring drops are in {@link #manifest()}.
     */
    public Table eventCounts() {
        double seconds = duration().toNanos() / 1e9;
        EventType[] types = EventType.values();
        StringColumn event = StringColumn.create("event");
        LongColumn rows = LongColumn.create("rows");
        LongColumn lost = LongColumn.create("lost");
        DoubleColumn rate = DoubleColumn.create("per second");
        for (EventType type : types) {
            String name = EventTables.tableName(type);
            int n = tables.get(type).rowCount();
            event.append(name);
            rows.append(n);
            lost.append(Optional.ofNullable(manifest.events().get(name)).map(TableCounts::lost).orElse(0L));
            rate.append(seconds > 0 ? n / seconds : Double.NaN);
        }
        return Table.create("events of " + id.value(), event, rows, lost, rate);
    }

    /** One row per thread seen in the session; see {@link ThreadTable}. */
    public Table threads() {
        return ThreadTable.of(this);
    }

    /**
     * The game's process id: the last process exec'd as a game, or, when none was, the process
     * that presented the most frames.
     *
     * @throws IllegalStateException if the session has neither
     */
    public int gamePid() {
        Table process = table(EventType.PROCESS);
        IntColumn pids = process.intColumn("pid");
        for (int i = process.rowCount() - 1; i >= 0; i--) {
            if (process.booleanColumn("is_game").get(i) && process.stringColumn("action").get(i).equals("EXEC")) {
                return pids.getInt(i);
            }
        }
        Map<Integer, Integer> frames = new HashMap<>();
        table(EventType.FRAME_TIMING).intColumn("pid").forEach(pid -> frames.merge(pid, 1, Integer::sum));
        return frames.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("session " + id.value()
                        + " has no game process and no frame_timing rows"));
    }

    /** The frame times of the game ({@link #gamePid()}). */
    public FrameTimeSeries frames() {
        return frames(gamePid());
    }

    /** The frame times of process {@code pid}. */
    public FrameTimeSeries frames(int pid) {
        return FrameTimeSeries.of(table(EventType.FRAME_TIMING), pid);
    }

    /** Processes that presented frames, with their frame counts, most first. */
    public Table presenters() {
        Table frames = table(EventType.FRAME_TIMING);
        Map<Integer, Integer> counts = new HashMap<>();
        frames.intColumn("pid").forEach(pid -> counts.merge(pid, 1, Integer::sum));
        List<Map.Entry<Integer, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        IntColumn pid = IntColumn.create("pid");
        IntColumn n = IntColumn.create("frames");
        sorted.forEach(e -> {
            pid.append(e.getKey());
            n.append(e.getValue());
        });
        return Table.create("presenters", pid, n);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "session %s (%s, %s on %s): %.1f s, %d events", id.value(), manifest.mode(),
                manifest.state().name().toLowerCase(Locale.ROOT), manifest.host(), duration().toNanos() / 1e9,
                tables.values().stream().mapToLong(Table::rowCount).sum());
    }
}
