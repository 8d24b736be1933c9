package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.StorageLock;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Records one session into a dataset: a {@code session=<id>} folder with one rolling table per
 * event type and a manifest written atomically at start, every
 * {@link SessionWriterOptions#manifestInterval()} (on {@link #tick()}) and at the end.
 *
 * <p>Failures never throw out of {@link TableWriter#write}: the first I/O error (disk full, a
 * file that cannot be closed) stops the session cleanly. The failing table's open file is
 * deleted, every other open file is closed (and stays valid), the manifest says what failed and
 * how many events were lost, and from then on every event handed in is counted as lost.
 * The caller polls {@link #failure()} and decides how to exit.
 *
 * <p>Single-threaded: one thread writes rows, ticks and finishes.
 */
public final class SessionWriter implements AutoCloseable {
    private final DatasetStorage storage;
    private final SessionId id;
    /** Replaced, never changed, when the sources change mid-session; read by the thread writing manifests. */
    private volatile SessionInfo info;
    private final SessionWriterOptions options;
    private final Clock clock;
    private final Configuration conf;
    private final Instant startedAt;
    private final StorageLock lock;
    private final Map<String, RollingTableWriter<?>> tables = new LinkedHashMap<>();
    private final Map<String, Long> ringDrops = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private SessionState state = SessionState.RECORDING;
    private Instant lastManifestAt;
    private Instant failedAt;
    private String failedTable;
    private Throwable failureCause;
    private Instant endedAt;
    private String exitReason;
    private SessionManifest lastManifest;

    private SessionWriter(DatasetStorage storage, SessionId id, SessionInfo info, SessionWriterOptions options,
                          Clock clock, StorageLock lock) {
        this.storage = storage;
        this.id = id;
        this.info = info;
        this.options = options;
        this.clock = clock;
        this.conf = new Configuration();
        this.startedAt = clock.instant();
        this.lock = lock;
    }

    /**
     * Starts session {@code id} in {@code storage}: creates its folder, takes its lock (held
     * until {@link #finish}, so fsck leaves a live session alone) and writes the first manifest.
     *
     * @throws SessionExistsException if the session folder already exists
     * @throws IOException            if the folder or the manifest cannot be written
     */
    public static SessionWriter create(DatasetStorage storage, SessionId id, SessionInfo info,
                                       SessionWriterOptions options, Clock clock) throws IOException {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        String dir = DatasetPaths.sessionDir(id);
        if (!storage.createDirectory(dir)) {
            throw new SessionExistsException(id, storage.describe(dir));
        }
        StorageLock lock = storage.tryLock(DatasetPaths.lock(id))
                .orElseThrow(() -> new SessionExistsException(id, storage.describe(dir)));
        SessionWriter writer = new SessionWriter(storage, id, info, options, clock, lock);
        try {
            writer.writeManifest(writer.startedAt);
        } catch (IOException | RuntimeException e) {
            try {
                lock.close();
            } catch (IOException | RuntimeException unlock) {
                e.addSuppressed(unlock);
            }
            throw e;
        }
        return writer;
    }

    /** The session id. */
    public SessionId id() {
        return id;
    }

    /** The dataset storage. */
    public DatasetStorage storage() {
        return storage;
    }

    /**
     * Adds a table (event type) to the session. Its folder and first file are created when its
     * first row arrives, so event types that never occur leave no empty files.
     *
     * @throws IllegalArgumentException if a table of that name was already added
     */
    public <T> TableWriter<T> table(DatasetTable<T> table) {
        Objects.requireNonNull(table, "table");
        if (tables.containsKey(table.name())) {
            throw new IllegalArgumentException("table " + table.name() + " was already added to session " + id);
        }
        RollingTableWriter<T> writer = new RollingTableWriter<>(storage, id, table, options.parquet(), conf,
                options.roll(), clock);
        tables.put(table.name(), writer);
        return new TableWriter<>(this, writer);
    }

    /**
     * Replaces the event sources the manifest names, from the next manifest on: e.g. a probe that attached
     * mid-session because the kernel ejected the scheduler.
     */
    public void setEventSources(Map<String, String> eventSources) {
        SessionInfo current = info;
        info = new SessionInfo(current.host(), current.kernel(), current.mode(), current.bpfObjectSha256(),
                eventSources);
    }

    /**
     * Sets the drop counter of a ring (events the kernel could not reserve room for), as the
     * manifest will report it. Counters are totals since the session started.
     */
    public void setRingDrops(String ring, long drops) {
        if (drops < 0) {
            throw new IllegalArgumentException(ring + ": drops must be >= 0, got " + drops);
        }
        ringDrops.put(Objects.requireNonNull(ring, "ring"), drops);
    }

    /**
     * Sets how many records were rejected for {@code reason} (not stored as rows: an unknown
     * event type, a layout this build does not read), as the manifest will report it.
     */
    public void setRejected(String reason, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(reason + ": count must be >= 0, got " + count);
        }
        rejected.put(Objects.requireNonNull(reason, "reason"), count);
    }

    /**
     * Rolls files that have been open for the roll interval and rewrites the manifest when its
     * interval has passed. Call it regularly (e.g. every poll of the rings); it reads the clock
     * once. A failure stops the session as described in the class comment.
     */
    public void tick() {
        if (state != SessionState.RECORDING) {
            return;
        }
        Instant now = clock.instant();
        for (RollingTableWriter<?> table : tables.values()) {
            try {
                table.tick(now);
            } catch (IOException | RuntimeException e) {
                fail(table, e, now);
                return;
            }
        }
        if (!now.isBefore(lastManifestAt.plus(options.manifestInterval()))) {
            try {
                writeManifest(now);
            } catch (IOException e) {
                fail(null, e, now);
            }
        }
    }

    /** The write failure that stopped the session, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failureCause);
    }

    /** Whether the session still accepts rows. */
    public boolean isRecording() {
        return state == SessionState.RECORDING;
    }

    /** Row counts per table so far. */
    public Map<String, TableCounts> counts() {
        Map<String, TableCounts> counts = new TreeMap<>();
        tables.forEach((name, table) -> counts.put(name, table.counts()));
        return counts;
    }

    /** Every complete part file so far, table by table. */
    public List<DataFile> files() {
        List<DataFile> files = new ArrayList<>();
        for (RollingTableWriter<?> table : tables.values()) {
            files.addAll(table.files());
        }
        return files;
    }

    /**
     * Ends the session: closes every open file (unless a failure already did), records the exit
     * reason and writes the final manifest.
     *
     * @param reason why recording ended, e.g. {@code duration elapsed}, {@code SIGTERM}
     * @return the final manifest and any failure
     * @throws IllegalStateException if the session was already finished
     */
    public SessionSummary finish(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (endedAt != null) {
            throw new IllegalStateException("session " + id + " is already finished");
        }
        Instant now = clock.instant();
        if (state == SessionState.RECORDING) {
            for (RollingTableWriter<?> table : tables.values()) {
                try {
                    table.close();
                } catch (IOException | RuntimeException e) {
                    fail(table, e, now);
                    break;
                }
            }
        }
        if (state == SessionState.RECORDING) {
            state = SessionState.FINISHED;
        }
        endedAt = now;
        exitReason = failureCause == null ? reason : reason + " (after a write failure: " + describe(failureCause) + ")";
        IOException manifestError = null;
        try {
            writeManifest(now);
        } catch (IOException e) {
            manifestError = e;
            lastManifest = manifest(now);
        }
        try {
            lock.close();
        } catch (IOException e) {
            if (manifestError == null) {
                manifestError = e;
            } else {
                manifestError.addSuppressed(e);
            }
        }
        return new SessionSummary(lastManifest, Optional.ofNullable(failureCause), Optional.ofNullable(manifestError));
    }

    /** Finishes the session with reason {@code closed} unless {@link #finish} was called. */
    @Override
    public void close() {
        if (endedAt == null) {
            finish("closed");
        }
    }

    <T> boolean write(RollingTableWriter<T> table, T row) {
        if (state != SessionState.RECORDING) {
            table.countLost();
            return false;
        }
        try {
            table.write(row);
            return true;
        } catch (IOException | RuntimeException e) {
            fail(table, e, clock.instant());
            return false;
        }
    }

    private void fail(RollingTableWriter<?> failed, Throwable cause, Instant now) {
        state = SessionState.FAILED;
        failedAt = now;
        failedTable = failed == null ? null : failed.table().name();
        failureCause = cause;
        if (failed != null) {
            failed.abandon(cause);
        }
        for (RollingTableWriter<?> table : tables.values()) {
            if (table == failed) {
                continue;
            }
            try {
                table.close();
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
                table.abandon(e);
            }
        }
        try {
            writeManifest(now);
        } catch (IOException e) {
            // finish() tries again and reports it if the final manifest cannot be written either
            cause.addSuppressed(e);
        }
    }

    private void writeManifest(Instant now) throws IOException {
        SessionManifest manifest = manifest(now);
        ManifestJson.write(storage, manifest);
        lastManifest = manifest;
        lastManifestAt = now;
    }

    private SessionManifest manifest(Instant now) {
        Map<String, TableCounts> counts = counts();
        List<DataFile> files = files();
        SessionManifest.Failure failure = null;
        if (failureCause != null) {
            long lost = counts.values().stream().mapToLong(TableCounts::lost).sum();
            failure = new SessionManifest.Failure(failedAt, failedTable == null ? "manifest" : failedTable,
                    describe(failureCause), lost);
        }
        SessionInfo info = this.info;
        return new SessionManifest(SessionManifest.FORMAT, SessionManifest.VERSION, id.value(), state, info.host(),
                info.kernel(), info.mode(), info.bpfObjectSha256(), info.eventSources(), startedAt, now, endedAt,
                exitReason, SessionManifest.Roll.of(options.roll()),
                new SessionManifest.Parquet(options.parquet().codec().name(), options.parquet().writerVersion().name()),
                counts, ringDrops, rejected, files, failure, List.of());
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
