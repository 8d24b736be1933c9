package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.DatasetFormatException.Problem;
import dev.frameloop.core.dataset.FsckIssue.Kind;
import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.dataset.storage.StorageEntry;
import dev.frameloop.core.dataset.storage.StorageLock;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds and repairs what a crash leaves in a dataset. Per session, unless its recorder is still
 * alive (it holds the session lock):
 * <ol>
 *   <li>every part file is checked: footer readable, written by frameloop for its folder, pages
 *       matching their CRCs ({@link PartFileInspector});</li>
 *   <li>a temporary file that is complete (the recorder stopped between closing and renaming it)
 *       gets its final name; one that is not, and a final file that is unreadable, are moved to
 *       {@code session=…/_incomplete/event=…/} under names that do not end in {@code .parquet};
 *       files not written by frameloop are reported and left alone, and a session holding files
 *       of a newer frameloop is reported and not changed at all;</li>
 *   <li>rows are recounted from the valid files, and the manifest is rewritten with those
 *       counts, state {@code repaired} and a record of the repair;</li>
 *   <li>the report says how many events the crash cost: at least what the manifest counted
 *       as written or being written but is not on disk, at most one roll bound
 *       ({@link RollPolicy#maxRows()}) per incomplete file.</li>
 * </ol>
 */
public final class DatasetFsck {
    private final DatasetStorage storage;
    private final TableCatalog catalog;
    private final FsckOptions options;
    private final Clock clock;

    /** An fsck of the dataset in {@code storage}. */
    public DatasetFsck(DatasetStorage storage, TableCatalog catalog, FsckOptions options, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks (and unless dry-run, repairs) every session of the dataset.
     *
     * @throws NoSuchFileException if the dataset folder does not exist
     */
    public FsckReport run() throws IOException {
        List<SessionFsck> sessions = new ArrayList<>();
        for (SessionId id : new Dataset(storage, catalog).sessions()) {
            sessions.add(check(id));
        }
        return new FsckReport(sessions, options.dryRun());
    }

    /** Checks (and unless dry-run, repairs) one session. */
    public SessionFsck check(SessionId id) throws IOException {
        String lockPath = DatasetPaths.lock(id);
        StorageLock lock = null;
        boolean staleLock = false;
        if (storage.exists(lockPath)) {
            Optional<StorageLock> taken = storage.tryLock(lockPath);
            if (taken.isEmpty()) {
                return skipped(id, "its recorder is running (it holds " + DatasetPaths.LOCK + "); run fsck after it stops");
            }
            lock = taken.get();
            staleLock = lock.exclusive();
        }
        try {
            SessionFsck result = checkUnlocked(id, staleLock);
            if (lock != null) {
                if (!options.dryRun() && result.outcome() != SessionFsck.Outcome.SKIPPED) {
                    lock.close();
                } else {
                    lock.release();
                }
                lock = null;
            }
            return result;
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }

    private SessionFsck checkUnlocked(SessionId id, boolean staleLock) throws IOException {
        Scan scan = new Scan(id);
        SessionManifest manifest = null;
        try {
            manifest = ManifestJson.read(storage, id);
        } catch (NoSuchFileException e) {
            scan.issue(DatasetPaths.MANIFEST, Kind.MANIFEST, "missing", "rebuilt from the files");
        } catch (DatasetFormatException e) {
            if (e.problem() == Problem.NEWER) {
                return skipped(id, e.getMessage());
            }
            scan.issue(DatasetPaths.MANIFEST, Kind.MANIFEST, e.getMessage(), "rebuilt from the files");
        }
        if (manifest != null && manifest.state() == SessionState.RECORDING && !storage.locksExclude()
                && !options.force()) {
            Duration age = Duration.between(manifest.updatedAt(), clock.instant());
            if (age.compareTo(options.liveWindow()) < 0) {
                return skipped(id, "its manifest says recording and was updated " + age.toSeconds()
                        + " s ago, and this storage has no locks to tell a live recorder from a dead one;"
                        + " stop the recorder, wait " + options.liveWindow().toSeconds() + " s, or use --force");
            }
        }
        if (staleLock) {
            scan.issue(DatasetPaths.LOCK, Kind.LEFTOVER, "lock of a recorder that is gone", "deleted");
        }
        String sessionDir = DatasetPaths.sessionDir(id);
        for (StorageEntry entry : storage.list(sessionDir)) {
            if (entry.name().equals(DatasetPaths.MANIFEST_TEMP)) {
                scan.issue(entry.name(), Kind.LEFTOVER, "temporary file of an interrupted manifest write", "deleted");
                String leftover = sessionDir + "/" + entry.name();
                scan.actions.add(() -> storage.delete(leftover));
            } else if (entry.directory()) {
                Optional<String> table = DatasetPaths.tableOf(entry.name());
                if (table.isPresent()) {
                    scanTable(scan, table.get());
                }
            }
        }
        return conclude(scan, manifest);
    }

    private void scanTable(Scan scan, String table) throws IOException {
        String dir = DatasetPaths.tableDir(scan.id, table);
        String relativeDir = "event=" + table + "/";
        scan.onDisk.putIfAbsent(table, 0L);
        for (StorageEntry entry : storage.list(dir)) {
            String name = entry.name();
            String path = dir + "/" + name;
            Optional<Integer> finalIndex = DatasetPaths.partIndex(name);
            Optional<Integer> tempIndex = DatasetPaths.tempPartIndex(name);
            if (entry.directory() || finalIndex.isEmpty() && tempIndex.isEmpty()) {
                scan.issue(relativeDir + name, Kind.FOREIGN, "not a part file", "left alone");
                continue;
            }
            Optional<PartFooter> footer = inspect(scan, relativeDir + name, path, table, tempIndex.isPresent());
            if (footer.isEmpty()) {
                continue;
            }
            if (finalIndex.isPresent()) {
                scan.valid(footer.get(), relativeDir + name);
                continue;
            }
            String finalName = DatasetPaths.partName(tempIndex.get());
            String finalPath = dir + "/" + finalName;
            if (storage.exists(finalPath)) {
                moveAside(scan, relativeDir + name, path, table, name, Kind.INCOMPLETE,
                        "complete, but " + finalName + " exists too");
                continue;
            }
            scan.issue(relativeDir + name, Kind.RECOVERED, "complete file still under its temporary name ("
                    + footer.get().rows() + " rows)", "renamed to " + finalName);
            scan.recovered.add(relativeDir + name);
            scan.actions.add(() -> storage.rename(path, finalPath));
            scan.valid(footer.get(), relativeDir + finalName);
        }
    }

    private Optional<PartFooter> inspect(Scan scan, String relative, String path, String table, boolean temp)
            throws IOException {
        try {
            PartFooter footer = PartFileInspector.footer(storage, path, table, catalog);
            if (options.verifyPages()) {
                PartFileInspector.verifyPages(storage, path);
            }
            return Optional.of(footer);
        } catch (DatasetFormatException e) {
            String detail = detail(e, path);
            switch (e.problem()) {
                case CORRUPT -> {
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    moveAside(scan, relative, path, table, temp ? name : name + DatasetPaths.CORRUPT_SUFFIX,
                            temp ? Kind.INCOMPLETE : Kind.CORRUPT, detail);
                }
                case NEWER -> scan.issue(relative, Kind.NEWER, detail, "left alone");
                case FOREIGN -> scan.issue(relative, Kind.FOREIGN, detail, "left alone");
                default -> throw new IllegalStateException("unhandled problem " + e.problem(), e);
            }
            return Optional.empty();
        }
    }

    /** What is wrong with the file, without its name (the report shows it) or the advice to run fsck. */
    private String detail(DatasetFormatException e, String path) {
        String message = e.getMessage();
        String where = storage.describe(path) + " ";
        if (message.startsWith(where)) {
            message = message.substring(where.length());
        }
        return message.replace(PartFileInspector.FSCK_ADVICE, "");
    }

    private void moveAside(Scan scan, String relative, String path, String table, String newName, Kind kind,
                           String why) throws IOException {
        String target = DatasetPaths.incompleteDir(scan.id) + "/event=" + table + "/" + newName;
        for (int n = 1; storage.exists(target); n++) {
            target = DatasetPaths.incompleteDir(scan.id) + "/event=" + table + "/" + newName + "." + n;
        }
        String shown = target.substring(DatasetPaths.sessionDir(scan.id).length() + 1);
        scan.issue(relative, kind, why, "moved to " + shown);
        scan.movedAside.add(relative);
        scan.bad.computeIfAbsent(table, t -> new ArrayList<>()).add(relative);
        String destination = target;
        scan.actions.add(() -> storage.rename(path, destination));
    }

    private SessionFsck conclude(Scan scan, SessionManifest manifest) throws IOException {
        Map<String, Long> claimed = new TreeMap<>();
        long atLeast = 0;
        long atMost = 0;
        boolean boundKnown = true;
        TreeSet<String> tables = new TreeSet<>(scan.onDisk.keySet());
        if (manifest != null) {
            tables.addAll(manifest.events().keySet());
        }
        Map<String, Long> manifestFileRows = new HashMap<>();
        if (manifest != null) {
            manifest.files().forEach(file -> manifestFileRows.put(file.path(), file.rows()));
        }
        for (String table : tables) {
            long onDisk = scan.onDisk.getOrDefault(table, 0L);
            long tableAtLeast = 0;
            if (manifest != null && manifest.events().containsKey(table)) {
                TableCounts counts = manifest.events().get(table);
                long claimedRows = counts.received() - counts.lost();
                claimed.put(table, claimedRows);
                tableAtLeast = Math.max(0, claimedRows - onDisk);
            }
            long tableAtMost = 0;
            for (String bad : scan.bad.getOrDefault(table, List.of())) {
                Long known = manifestFileRows.get(bad);
                if (known != null) {
                    tableAtMost += known;
                } else if (manifest != null && manifest.roll() != null) {
                    tableAtMost += manifest.roll().maxRows();
                } else {
                    boundKnown = false;
                }
            }
            atLeast += tableAtLeast;
            atMost += Math.max(tableAtLeast, tableAtMost);
        }
        boolean countsDiffer = manifest == null || !onDiskMatches(manifest, scan);
        boolean needsRepair = !scan.issues.isEmpty() && scan.issues.stream().anyMatch(DatasetFsck::isRepair)
                || manifest != null && manifest.state() == SessionState.RECORDING
                || countsDiffer;
        if (scan.issues.stream().anyMatch(i -> i.kind() == Kind.NEWER)) {
            List<FsckIssue> unchanged = scan.issues.stream()
                    .map(i -> isRepair(i) ? new FsckIssue(i.path(), i.kind(), i.detail(), "not changed") : i)
                    .toList();
            return new SessionFsck(scan.id, SessionFsck.Outcome.SKIPPED, unchanged, scan.onDisk, claimed, 0,
                    OptionalLong.of(0), manifest == null ? 0 : manifest.totalRingDrops(), false,
                    "it holds files written by a newer frameloop; nothing was changed: use a newer frameloop fsck");
        }
        boolean problems = scan.issues.stream().anyMatch(i -> i.kind() == Kind.FOREIGN);
        OptionalLong bound = boundKnown ? OptionalLong.of(atMost) : OptionalLong.empty();
        boolean written = false;
        if (needsRepair && !options.dryRun()) {
            for (Action action : scan.actions) {
                action.run();
            }
            ManifestJson.write(storage, repairedManifest(scan, manifest, atLeast, bound, claimed));
            written = true;
        }
        SessionFsck.Outcome outcome = problems ? SessionFsck.Outcome.PROBLEMS
                : needsRepair ? SessionFsck.Outcome.REPAIRED : SessionFsck.Outcome.CLEAN;
        String note = note(manifest, atLeast, bound, needsRepair);
        return new SessionFsck(scan.id, outcome, scan.issues, scan.onDisk, claimed, atLeast, bound,
                manifest == null ? 0 : manifest.totalRingDrops(), written, note);
    }

    private static boolean isRepair(FsckIssue issue) {
        return issue.kind() != Kind.NEWER && issue.kind() != Kind.FOREIGN;
    }

    private static boolean onDiskMatches(SessionManifest manifest, Scan scan) {
        for (Map.Entry<String, Long> table : scan.onDisk.entrySet()) {
            TableCounts counts = manifest.events().get(table.getKey());
            if (counts == null || counts.written() != table.getValue()) {
                return false;
            }
        }
        for (Map.Entry<String, TableCounts> table : manifest.events().entrySet()) {
            if (table.getValue().written() != scan.onDisk.getOrDefault(table.getKey(), 0L)) {
                return false;
            }
        }
        return manifest.files().size() == scan.files.size();
    }

    private SessionManifest repairedManifest(Scan scan, SessionManifest manifest, long atLeast, OptionalLong atMost,
                                             Map<String, Long> claimed) {
        Instant now = clock.instant();
        Map<String, TableCounts> events = new TreeMap<>();
        TreeSet<String> tables = new TreeSet<>(scan.onDisk.keySet());
        if (manifest != null) {
            tables.addAll(manifest.events().keySet());
        }
        for (String table : tables) {
            long onDisk = scan.onDisk.getOrDefault(table, 0L);
            TableCounts old = manifest == null ? null : manifest.events().get(table);
            int version = old != null ? old.schemaVersion() : scan.versions.getOrDefault(table, 0);
            long lost = old == null ? 0 : old.lost() + Math.max(0, claimed.getOrDefault(table, 0L) - onDisk);
            events.put(table, new TableCounts(version, onDisk + lost, onDisk, lost, 0));
        }
        SessionManifest.Repair repair = new SessionManifest.Repair(now, scan.movedAside, scan.recovered,
                claimed.values().stream().mapToLong(Long::longValue).sum(),
                scan.onDisk.values().stream().mapToLong(Long::longValue).sum(), atLeast,
                atMost.isPresent() ? atMost.getAsLong() : null);
        if (manifest == null) {
            return new SessionManifest(SessionManifest.FORMAT, SessionManifest.VERSION, scan.id.value(),
                    SessionState.REPAIRED, "", "", "unknown", "", Map.of(), scan.id.startTime(), now, null,
                    "the manifest was missing or unreadable; fsck rebuilt it from the files", null, null, events,
                    Map.of(), Map.of(), scan.files, null, List.of(repair));
        }
        List<SessionManifest.Repair> repairs = new ArrayList<>(manifest.repairs());
        repairs.add(repair);
        String exitReason = manifest.exitReason() != null ? manifest.exitReason()
                : "the recorder stopped without finishing (killed or crashed); fsck repaired the session";
        SessionState state = manifest.state() == SessionState.FAILED && scan.movedAside.isEmpty()
                ? SessionState.FAILED : SessionState.REPAIRED;
        return manifest.repaired(state, events, scan.files, exitReason, repairs, now);
    }

    private static String note(SessionManifest manifest, long atLeast, OptionalLong atMost, boolean repaired) {
        if (!repaired) {
            return "nothing to repair";
        }
        String bound = atMost.isPresent() ? "at most " + atMost.getAsLong()
                : "an unknown number (no manifest, so no roll bound)";
        String drops = manifest == null || manifest.totalRingDrops() == 0 ? ""
                : "; besides, the kernel dropped " + manifest.totalRingDrops() + " events before Java saw them";
        return "the crash cost at least " + atLeast + " and " + bound + " events" + drops;
    }

    private SessionFsck skipped(SessionId id, String why) {
        return new SessionFsck(id, SessionFsck.Outcome.SKIPPED, List.of(), Map.of(), Map.of(), 0,
                OptionalLong.of(0), 0, false, why);
    }

    /** One change to the session's files. */
    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    /** What the scan of one session collected. */
    private static final class Scan {
        final SessionId id;
        final List<FsckIssue> issues = new ArrayList<>();
        final Map<String, Long> onDisk = new TreeMap<>();
        final Map<String, Integer> versions = new TreeMap<>();
        final Map<String, List<String>> bad = new TreeMap<>();
        final List<DataFile> files = new ArrayList<>();
        final List<String> movedAside = new ArrayList<>();
        final List<String> recovered = new ArrayList<>();
        /** What the repair does, in order, once the whole session was scanned. */
        final List<Action> actions = new ArrayList<>();

        Scan(SessionId id) {
            this.id = id;
        }

        void issue(String path, Kind kind, String detail, String action) {
            issues.add(new FsckIssue(path, kind, detail, action));
        }

        void valid(PartFooter footer, String relativePath) {
            onDisk.merge(footer.table(), footer.rows(), Long::sum);
            versions.putIfAbsent(footer.table(), footer.schemaVersion());
            files.add(new DataFile(footer.table(), relativePath, footer.rows(), footer.bytes()));
        }
    }
}
