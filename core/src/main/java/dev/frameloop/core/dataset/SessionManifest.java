package dev.frameloop.core.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of a session: where and how it was recorded, what it holds and how
 * it ended. Written atomically (temporary file, fsync, rename) when the session starts,
 * periodically while it records, when it ends, and by fsck after a repair. JSON field names
 * are snake_case ({@link ManifestJson}).
 *
 * @param format          always {@value #FORMAT}
 * @param manifestVersion version of this JSON layout ({@value #VERSION}); readers refuse newer
 * @param sessionId       the session id
 * @param state           recording, finished, failed or repaired
 * @param host            host name
 * @param kernel          kernel release
 * @param mode            recorder mode ({@code scheduler}, {@code observe})
 * @param bpfObjectSha256 SHA-256 of the BPF object
 * @param eventSources    per event type, the hook (or fallback) producing it
 * @param startedAt       when recording started
 * @param updatedAt       when this manifest was written
 * @param endedAt         when recording ended (null while recording or after a crash)
 * @param exitReason      why recording ended (null while recording)
 * @param roll            the roll policy files were written with (the crash bound)
 * @param parquet         codec and writer version of the files
 * @param events          per event type, row counts
 * @param ringDrops       per ring, events the kernel could not reserve room for (lost before Java)
 * @param rejectedEvents  per reason, records Java received but could not store as rows (an unknown
 *                        event type, a layout version or size this build does not read)
 * @param files           every complete part file
 * @param failure         the write failure that stopped recording, if any
 * @param repairs         what fsck repaired, oldest first
 */
public record SessionManifest(String format, int manifestVersion, String sessionId, SessionState state,
                              String host, String kernel, String mode, String bpfObjectSha256,
                              Map<String, String> eventSources, Instant startedAt, Instant updatedAt,
                              Instant endedAt, String exitReason, Roll roll, Parquet parquet,
                              Map<String, TableCounts> events, Map<String, Long> ringDrops,
                              Map<String, Long> rejectedEvents, List<DataFile> files,
                              Failure failure, List<Repair> repairs) {

    /** Value of {@code format}. */
    public static final String FORMAT = "frameloop-session";
    /** The manifest layout version this build writes and reads. */
    public static final int VERSION = 1;

    /** Checks required fields; collections are copied (maps sorted by key). */
    public SessionManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(state, "state");
        eventSources = sorted(eventSources);
        events = sorted(events);
        ringDrops = sorted(ringDrops);
        rejectedEvents = sorted(rejectedEvents);
        files = files == null ? List.of() : List.copyOf(files);
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
    }

    /** The session id, parsed. */
    public SessionId id() {
        return SessionId.parse(sessionId);
    }

    /** Sum of {@link TableCounts#written()} over every event type. */
    public long totalWritten() {
        return events.values().stream().mapToLong(TableCounts::written).sum();
    }

    /** Sum of {@link TableCounts#lost()} over every event type. */
    public long totalLost() {
        return events.values().stream().mapToLong(TableCounts::lost).sum();
    }

    /** Sum of ring drops. */
    public long totalRingDrops() {
        return ringDrops.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A copy with another state, counts, files, repairs and update time (what fsck changes). */
    public SessionManifest repaired(SessionState newState, Map<String, TableCounts> newEvents, List<DataFile> newFiles,
                                    String newExitReason, List<Repair> newRepairs, Instant now) {
        return new SessionManifest(format, manifestVersion, sessionId, newState, host, kernel, mode, bpfObjectSha256,
                eventSources, startedAt, now, endedAt, newExitReason, roll, parquet, newEvents, ringDrops,
                rejectedEvents, newFiles, failure, newRepairs);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /**
     * The roll policy, as written.
     *
     * @param maxRows          rows per file
     * @param maxIntervalMillis longest time a file stayed open, in ms
     */
    public record Roll(long maxRows, long maxIntervalMillis) {
        /** The manifest form of a policy. */
        public static Roll of(RollPolicy policy) {
            return new Roll(policy.maxRows(), policy.maxInterval().toMillis());
        }
    }

    /**
     * Parquet encoding of the files.
     *
     * @param codec         compression codec name
     * @param writerVersion Parquet writer version ({@code PARQUET_1_0}, {@code PARQUET_2_0})
     */
    public record Parquet(String codec, String writerVersion) {
    }

    /**
     * A write failure that stopped recording.
     *
     * @param at         when it happened
     * @param event      event type whose file failed first
     * @param message    what failed (the I/O error)
     * @param eventsLost events not written because of it (rows of the failed files, and events
     *                   that arrived after it)
     */
    public record Failure(Instant at, String event, String message, long eventsLost) {
    }

    /**
     * What one fsck run found and did.
     *
     * @param at                 when fsck ran
     * @param movedAside         files moved to {@code _incomplete/} (session-relative paths, before the move)
     * @param recovered          complete files found under a temporary name and given their final name
     * @param rowsClaimed        rows the manifest counted as received (and not lost) before the repair
     * @param rowsOnDisk         rows in valid files after the repair
     * @param eventsLostAtLeast  events the crash certainly cost: claimed but not on disk
     * @param eventsLostAtMost   upper bound from the roll policy (rows per incomplete file); null
     *                           when unknown (the manifest, and with it the roll policy, was lost)
     */
    public record Repair(Instant at, List<String> movedAside, List<String> recovered, long rowsClaimed,
                         long rowsOnDisk, long eventsLostAtLeast, Long eventsLostAtMost) {
        /** Copies the lists. */
        public Repair {
            movedAside = List.copyOf(movedAside);
            recovered = List.copyOf(recovered);
        }
    }
}
