package dev.frameloop.collector.record;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.probe.ProbeMode;
import dev.frameloop.collector.probe.ProbeOptions;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.RingSizeOptions;
import dev.frameloop.collector.ring.RingSizes;
import dev.frameloop.collector.sched.GamerTunables;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.collector.sched.StopSignals;
import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.DatasetFsck;
import dev.frameloop.core.dataset.DatasetPaths;
import dev.frameloop.core.dataset.FsckOptions;
import dev.frameloop.core.dataset.FsckReport;
import dev.frameloop.core.dataset.SessionExistsException;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionManifest;
import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.TableCounts;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.event.EventType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code frameloop record}: record a session of events into a Parquet dataset. */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        description = {
                "Record a session: load frameloop's BPF programs, read their event rings and write every event"
                        + " into DIR/session=<id>/event=<type>/part-NNNNN.parquet (Hive layout: DuckDB, Spark,"
                        + " pandas/pyarrow and Polars read it as tables), with DIR/session=<id>/manifest.json"
                        + " (host, kernel, mode, BPF object hash, each event type's source, counts, ring drops,"
                        + " files, exit reason).",
                "Modes: scheduler runs the gamer sched_ext scheduler (thread classes, deadline misses,"
                        + " migrations, task stats, policy applied); observe loads the probes only (process"
                        + " lifecycle, input, DRM, migrations...) and leaves scheduling to the kernel; auto (the"
                        + " default) picks scheduler where the kernel has sched_ext, observe otherwise, and says"
                        + " which. Without sched_ext on the host: bin/frameloop vm -- bin/frameloop record ...",
                "It stops at Ctrl-C (SIGINT) or SIGTERM (drains the rings, closes every file, finalises the"
                        + " manifest, exits 0; a second signal exits at once, leaving open files under their"
                        + " temporary names for fsck), after --duration, when --until-exit's process ends,"
                        + " or when a write fails (e.g. the disk is full: the"
                        + " manifest says how many events were lost). A file gets its final name only once it is"
                        + " complete. Before recording it repairs what earlier crashed sessions in DIR left"
                        + " (as frameloop fsck DIR does).",
                "If the kernel ejects the scheduler, record says why (the kernel's exit record) and records on in"
                        + " observe mode: the probes keep running and the migration probe takes over the scheduler's"
                        + " migration stream; the manifest's exit reason and the exit code (1) say so at the end.",
                "Progress: on a terminal, a live line per event type (events, events/s, drops, files, bytes);"
                        + " otherwise a log line every --progress-every.",
                "Needs root (CAP_BPF with CAP_PERFMON, or CAP_SYS_ADMIN; scheduler mode needs CAP_BPF and"
                        + " CAP_SYS_ADMIN)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:stopped by the duration, the process given to --until-exit, or a signal; every file is complete",
                "1:the kernel ejected the scheduler (recording went on in observe mode until it stopped), or loading"
                        + " failed",
                "2:bad options (also: the session id exists)",
                "3:this machine cannot record (no libbpf, not root, no sched_ext for --mode scheduler)",
                "4:--out cannot be written, or a write failed while recording (the manifest says how many events"
                        + " were lost)"})
public final class RecordCommand implements Callable<Integer> {
    /** How often the main loop looks at signals, the clock and the snapshot. */
    private static final long LOOP_MILLIS = 200;
    private static final String STOPPED_BY = "stopped by ";

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Dataset folder: a path (created if missing) or a Hadoop FileSystem URI (hdfs://, s3a://"
                    + " with their jars on the classpath). The session goes to DIR/session=<id>/.")
    String out;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after D (e.g. 30s, 5m, 1h; units ms, s, m, h, d). Default: until Ctrl-C/SIGTERM.")
    Duration duration;

    @Option(names = "--until-exit", paramLabel = "PID",
            description = "Stop when process PID exits (e.g. the game being recorded).")
    Integer untilExit;

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class,
            description = "auto, scheduler or observe. Default: auto (scheduler where sched_ext exists).")
    RecordMode mode = RecordMode.AUTO;

    @Option(names = "--events", paramLabel = "LIST", split = ",",
            description = "Event types to store, comma-separated table names (input, process, frame_timing,"
                    + " gpu_submit, migration, thread_class, deadline_miss, task_stats, policy_applied) or all."
                    + " Others are read and counted as not recorded, except migration: left out, no migration program"
                    + " loads and the scheduler writes none (the manifest names its source 'off'). Default: all.")
    List<String> events = new ArrayList<>();

    @Option(names = "--game-comm", paramLabel = "NAME",
            description = "Thread name (comm, up to 15 bytes) that marks a game's threads. Repeatable.")
    List<String> gameComms = new ArrayList<>();

    @Option(names = "--frame-hook", paramLabel = "PATH:FUNCTION",
            description = "Also count a game's frame at each return of FUNCTION in the executable or library PATH (its own"
                    + " present, e.g. ml/target/workloads/synthgame:synthgame_present), besides glXSwapBuffers,"
                    + " eglSwapBuffers, xcb_present_pixmap and xcb_put_image. Nested presents count once. Repeatable.")
    List<String> frameHooks = new ArrayList<>();

    @Option(names = "--test-stall-tid", paramLabel = "TID",
            description = "Test only (scheduler mode): gamer never dispatches thread TID, so that the kernel's"
                    + " watchdog ejects it (after its timeout, 30s by default) and recording goes on in observe mode.")
    int testStallTid;

    @Option(names = "--session-id", paramLabel = "ID",
            description = "Session id (yyyyMMddTHHmmss.SSSZ-xxxxxx). Default: the start time and a random suffix."
                    + " An id that exists in DIR is refused.")
    String sessionId;

    @Option(names = "--pin",
            description = "Pin the programs, links and rings under /sys/fs/bpf/frameloop/ (mode 0700): they keep"
                    + " running when record ends or is killed, and the rings keep what the programs write (up to their"
                    + " size) until record --resume reads on from where the last reader stopped. frameloop unpin"
                    + " removes them.")
    boolean pin;

    @Option(names = "--resume",
            description = "Read on from the rings an earlier record --pin left pinned (nothing is loaded; no event"
                    + " is lost if the rings held what came meanwhile). Without --pin it unpins everything when it"
                    + " ends; with --pin the pins stay.")
    boolean resume;

    @Option(names = "--progress-every", paramLabel = "D", converter = DurationConverter.class,
            description = "When not on a terminal: one progress line every D. Default: 5s.")
    Duration progressEvery = Duration.ofSeconds(5);

    @Option(names = "--idle", paramLabel = "MODE", converter = IdleModeConverter.class,
            description = "What the ring reader does when the rings are empty: spin, backoff, epoll,"
                    + " spin-yield-epoll. Default: epoll (least CPU; records wait for the kernel's wakeup).")
    IdleMode idle = IdleMode.EPOLL;

    @Mixin
    RollOptions roll = new RollOptions();

    @Mixin
    RingSizeOptions ringSizes = new RingSizeOptions();

    @Spec
    CommandSpec spec;

    private final SchedExtSysfs sysfs;
    private final Supplier<BpfPrivileges> privileges;
    private final SourceLoader loader;
    private final Clock clock;
    private final PinDirectory pins;
    /** Set when the kernel ejected the scheduler and recording went on in observe mode. */
    private String ejection;

    public RecordCommand() {
        this(SchedExtSysfs.system(), BpfPrivileges::ofThisProcess, RecordCommand::loadSource, Clock.systemUTC(),
                new PinDirectory(PinDirectory.DEFAULT_ROOT));
    }

    RecordCommand(SchedExtSysfs sysfs, Supplier<BpfPrivileges> privileges, SourceLoader loader, Clock clock,
                  PinDirectory pins) {
        this.sysfs = sysfs;
        this.privileges = privileges;
        this.loader = loader;
        this.clock = clock;
        this.pins = pins;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter outText = spec.commandLine().getOut();
        Settings settings = checkOptions();
        DatasetStorage storage = openOutput();
        SessionId id = chooseSessionId(storage);
        repairEarlierSessions(storage, outText);
        RecordMode.Choice choice = resume ? resumedMode() : RecordMode.choose(mode, sysfs);
        if (pin && !resume && pins.pinned().isPresent()) {
            throw new UserFacingException(ExitCodes.USAGE, "pins of an earlier record are in " + pins.pinned().get()
                    + ": read on with --resume, or remove them with frameloop unpin");
        }
        outText.println("record: " + choice.explanation());
        outText.flush();
        checkMachine(choice.mode());
        WriterWarmUp.run();
        try (StopSignals signals = StopSignals.install();
             RecordSource source = resume ? resumePinned(storage) : loader.load(choice.mode(), probeOptions(settings.types()))) {
            SessionWriter session = createSession(storage, id, source, settings);
            LiveRecording live = LiveRecording.start(session, source, settings.types(), idle);
            String reason;
            long startNs = System.nanoTime();
            try (RecordProgress progress = RecordProgress.choose(System.console() != null, outText, progressEvery)) {
                try {
                    source.start();
                    if (pin && source instanceof ProbeRecordSource probes) {
                        pins.pin(source.mode(), source.rings(), probes.probes().object());
                        probes.keepAttached();
                        outText.println("record: pinned under " + pins.root() + "/" + source.mode()
                                + "; it keeps running after record ends: frameloop record --resume reads on,"
                                + " frameloop unpin removes it");
                    }
                } catch (RuntimeException e) {
                    live.finish("failed to start: " + e.getMessage());
                    throw e;
                }
                outText.println("recording session " + id + " into " + storage.describe(DatasetPaths.sessionDir(id))
                        + "; " + until());
                outText.flush();
                reason = runUntilStopped(signals, source, session, live, progress, startNs, outText);
            }
            if (reason.startsWith(STOPPED_BY)) {
                outText.println("record: " + reason + ": draining the rings and closing the files; a second signal"
                        + " exits at once (complete files keep their names, fsck DIR repairs the rest)");
                outText.flush();
            }
            source.stop();
            SessionSummary summary = live.finish(reason);
            return report(outText, summary, source, live);
        }
    }

    private RecordMode.Choice resumedMode() {
        Path pinned = pins.pinned().orElseThrow(() -> new UserFacingException(ExitCodes.USAGE, "--resume: nothing is"
                + " pinned in " + pins.root() + "; record with --pin first"));
        RecordMode pinnedMode = RecordMode.parse(pinned.getFileName().toString());
        if (mode != RecordMode.AUTO && mode != pinnedMode) {
            throw new UserFacingException(ExitCodes.USAGE, "--resume: the pinned programs are of mode "
                    + pinnedMode.label() + ", not " + mode.label());
        }
        return new RecordMode.Choice(pinnedMode, "mode " + pinnedMode.label() + " (resumed from " + pinned + ")");
    }

    /** The pinned rings, with the object hash and sources of the latest session of the same mode in DIR. */
    private RecordSource resumePinned(DatasetStorage storage) {
        String mode = pins.pinned().orElseThrow().getFileName().toString();
        String sha = "";
        Map<String, String> sources = Map.of();
        try {
            Dataset dataset = new Dataset(storage, EventTables.catalog());
            List<SessionId> sessions = dataset.sessions();
            for (int i = sessions.size() - 1; i >= 0; i--) {
                SessionManifest manifest = dataset.session(sessions.get(i)).manifest();
                if (mode.equals(manifest.mode())) {
                    sha = manifest.bpfObjectSha256();
                    sources = manifest.eventSources();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the sources stay unknown: the manifest says so
        }
        PinnedSource source = PinnedSource.open(pins, sha, sources, sysfs);
        if (pin) {
            source.keepPinned();
        }
        return source;
    }

    private String runUntilStopped(StopSignals signals, RecordSource source, SessionWriter session, LiveRecording live,
                                   RecordProgress progress, long startNs, PrintWriter outText) throws InterruptedException {
        long deadline = duration == null ? 0 : startNs + duration.toNanos();
        while (true) {
            long wait = duration == null ? LOOP_MILLIS
                    : Math.max(1, Math.min(LOOP_MILLIS, (deadline - System.nanoTime()) / 1_000_000));
            Optional<String> signal = signals.await(wait);
            RecordingSnapshot snapshot = live.snapshot();
            progress.update(snapshot, Duration.ofNanos(System.nanoTime() - startNs));
            if (signal.isPresent()) {
                return withEjection(STOPPED_BY + signal.get());
            }
            if (!snapshot.recording()) {
                return withEjection("write failure");
            }
            Optional<String> own = source.stoppedOnItsOwn();
            if (own.isPresent()) {
                return own.get();
            }
            if (ejection == null) {
                Optional<String> ejected = source.continueAfterEjection();
                if (ejected.isPresent()) {
                    ejection = ejected.get();
                    session.setEventSources(source.eventSources());
                    outText.println("record: " + ejection);
                    outText.flush();
                }
            }
            if (untilExit != null && ProcessHandle.of(untilExit).map(p -> !p.isAlive()).orElse(true)) {
                return withEjection("process " + untilExit + " exited");
            }
            if (duration != null && deadline - System.nanoTime() <= 0) {
                return withEjection("duration elapsed (" + DurationConverter.format(duration) + ")");
            }
        }
    }

    private int report(PrintWriter outText, SessionSummary summary, RecordSource source, LiveRecording live) {
        var manifest = summary.manifest();
        Map<String, Long> produced = Map.of();
        try {
            produced = source.produced();
        } catch (RuntimeException e) {
            outText.println("(the kernel's event counters could not be read: " + e.getMessage() + ")");
        }
        outText.println("session " + manifest.sessionId() + " (" + manifest.mode() + "): " + manifest.exitReason());
        for (Map.Entry<String, TableCounts> entry : manifest.events().entrySet()) {
            TableCounts counts = entry.getValue();
            if (counts.received() == 0 && !produced.containsKey(entry.getKey())) {
                continue;
            }
            String table = entry.getKey();
            long drops = live.snapshot().dropsOf(table);
            long files = manifest.files().stream().filter(f -> f.event().equals(table)).count();
            outText.println("  " + table + ": " + counts.written() + " rows in " + files + " files"
                    + (counts.lost() > 0 ? ", " + counts.lost() + " lost" : "")
                    + ", " + drops + " dropped in the kernel"
                    + (produced.containsKey(table) ? ", " + produced.get(table) + " written by the kernel" : ""));
        }
        if (!manifest.rejectedEvents().isEmpty()) {
            outText.println("  not stored: " + manifest.rejectedEvents());
        }
        if (live.ringErrors() > 0) {
            outText.println("  ring errors: " + live.ringErrors() + " (first: " + live.firstRingError() + ")");
        }
        outText.println("  manifest: " + manifest.files().size() + " files, " + manifest.totalWritten() + " rows, "
                + manifest.totalRingDrops() + " ring drops");
        outText.flush();
        if (summary.failure().isPresent()) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "recording stopped after a write failure ("
                    + summary.failure().get().getMessage() + "); " + summary.eventsLost() + " events lost; the files"
                    + " closed before it are complete; free space or choose another --out and record again");
        }
        if (summary.manifestError().isPresent()) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "the final manifest could not be written: "
                    + summary.manifestError().get().getMessage() + "; run frameloop fsck " + out);
        }
        if (manifest.exitReason().startsWith("the kernel ejected")) {
            throw new UserFacingException(ExitCodes.FAILURE, manifest.exitReason());
        }
        if (ejection != null) {
            throw new UserFacingException(ExitCodes.FAILURE, ejection + "; every file is complete, and the session's"
                    + " manifest says so too");
        }
        return ExitCodes.OK;
    }

    /** The stop reason, followed by the ejection the recording went on after, if there was one. */
    private String withEjection(String reason) {
        return ejection == null ? reason : reason + "; before that, " + ejection;
    }

    private ProbeOptions probeOptions(Set<EventType> recorded) {
        ProbeOptions options = ProbeOptions.defaults().withRingSizes(ringSizes.sizes()).withGameComms(gameComms)
                .withFrameHookSpecs(frameHooks).withRecordedTypes(recorded);
        return options.withGamerTunables(new GamerTunables(GamerTunables.DEFAULT_DEADLINE_MISS_THRESHOLD,
                GamerTunables.DEFAULT_STATS_WINDOW, testStallTid, gameComms));
    }

    private String until() {
        List<String> parts = new ArrayList<>();
        if (duration != null) {
            parts.add("for " + DurationConverter.format(duration));
        }
        if (untilExit != null) {
            parts.add("until process " + untilExit + " exits");
        }
        parts.add("Ctrl-C or SIGTERM stops it" + (parts.isEmpty() ? "" : " sooner"));
        return String.join(", ", parts);
    }

    private Settings checkOptions() {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new UserFacingException(ExitCodes.USAGE, "--duration must be positive");
        }
        if (progressEvery.isZero() || progressEvery.isNegative()) {
            throw new UserFacingException(ExitCodes.USAGE, "--progress-every must be positive");
        }
        if (untilExit != null && (untilExit <= 0 || ProcessHandle.of(untilExit).isEmpty())) {
            throw new UserFacingException(ExitCodes.USAGE, "--until-exit " + untilExit + ": no such process");
        }
        if (sessionId != null && !SessionId.isValid(sessionId)) {
            throw new UserFacingException(ExitCodes.USAGE, "--session-id '" + sessionId + "' is not a session id"
                    + " (yyyyMMddTHHmmss.SSSZ-xxxxxx, e.g. 20260114T153012.345Z-3f9a0c)");
        }
        try {
            new GamerTunables(GamerTunables.DEFAULT_DEADLINE_MISS_THRESHOLD, GamerTunables.DEFAULT_STATS_WINDOW,
                    testStallTid, gameComms);
            frameHooks.forEach(dev.frameloop.collector.probe.FrameHook::parse);
            return new Settings(EventSelection.parse(events), roll.policy());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** Opens --out and proves it can be written (a small file written atomically, then deleted). */
    private DatasetStorage openOutput() {
        DatasetStorage storage;
        try {
            storage = DatasetStorage.open(out);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, "--out " + out + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "--out " + out + ": " + e.getMessage(), e);
        }
        String probe = ".frameloop-write-check";
        try {
            storage.replace(probe, probe + ".tmp", "frameloop record checks that --out is writable\n"
                    .getBytes(StandardCharsets.UTF_8));
            storage.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "--out " + out + " is not writable (" + describe(e)
                    + "); choose a folder you can write, or fix its permissions", e);
        }
        return storage;
    }

    private SessionId chooseSessionId(DatasetStorage storage) {
        SessionId id = sessionId == null ? SessionId.startingAt(clock.instant()) : SessionId.parse(sessionId);
        try {
            if (storage.exists(DatasetPaths.sessionDir(id))) {
                throw new UserFacingException(ExitCodes.USAGE, "session " + id + " already exists in " + out
                        + "; give another --session-id, or none for a new one");
            }
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "--out " + out + ": " + e.getMessage(), e);
        }
        return id;
    }

    /** What {@code frameloop fsck DIR} does, before a new session: earlier crashes are repaired and reported. */
    private void repairEarlierSessions(DatasetStorage storage, PrintWriter outText) {
        try {
            FsckReport report = new DatasetFsck(storage, EventTables.catalog(), FsckOptions.DEFAULT, clock).run();
            if (!report.isClean()) {
                outText.println("record: earlier sessions in " + out + " needed repair (as frameloop fsck does):");
                outText.print(FsckReportText.format(report));
                outText.flush();
            }
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "checking earlier sessions in " + out + " failed: "
                    + e.getMessage() + "; run frameloop fsck " + out, e);
        }
    }

    private void checkMachine(RecordMode chosen) {
        if (chosen == RecordMode.SCHEDULER && !sysfs.isPresent()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "this kernel has no sched_ext"
                    + " (CONFIG_SCHED_CLASS_EXT): record with --mode observe, or in the VM:"
                    + " bin/frameloop vm -- bin/frameloop record --mode scheduler --out DIR");
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        BpfPrivileges privs = privileges.get();
        if (chosen == RecordMode.SCHEDULER && !privs.canRunScheduler()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "recording in scheduler mode needs CAP_BPF and"
                    + " CAP_SYS_ADMIN (registering a sched_ext scheduler); run it as root: sudo bin/frameloop record ...");
        }
        if (chosen == RecordMode.OBSERVE && !privs.canTrace()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "recording needs CAP_BPF and CAP_PERFMON (or"
                    + " CAP_SYS_ADMIN) to load tracing programs; run it as root: sudo bin/frameloop record ..., or"
                    + " grant them: sudo setcap cap_bpf,cap_perfmon+ep \"$(readlink -f \"$(command -v java)\")\"");
        }
    }

    private SessionWriter createSession(DatasetStorage storage, SessionId id, RecordSource source, Settings settings) {
        SessionInfo info = SessionInfo.ofThisHost(source.mode(), source.objectSha256(), source.eventSources());
        SessionWriterOptions options = SessionWriterOptions.DEFAULT.withRoll(settings.roll());
        try {
            return SessionWriter.create(storage, id, info, options, clock);
        } catch (SessionExistsException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage() + "; give another --session-id", e);
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot start session " + id + " in " + out + ": "
                    + e.getMessage(), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static RecordSource loadSource(RecordMode mode, ProbeOptions options) {
        return switch (mode) {
            case SCHEDULER -> ProbeRecordSource.load(ProbeMode.SCHEDULER, options, SchedExtSysfs.system());
            case OBSERVE -> ProbeRecordSource.load(ProbeMode.OBSERVE, options.withGamerTunables(null), SchedExtSysfs.system());
            case AUTO -> throw new IllegalArgumentException("auto is resolved before loading");
        };
    }

    /** Options checked together. */
    private record Settings(Set<EventType> types, dev.frameloop.core.dataset.RollPolicy roll) {
    }

    /** Parses --mode. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<RecordMode> {
        @Override
        public RecordMode convert(String value) {
            return RecordMode.parse(value);
        }
    }

    /** Parses --idle. */
    static final class IdleModeConverter implements picocli.CommandLine.ITypeConverter<IdleMode> {
        @Override
        public IdleMode convert(String value) {
            return IdleMode.parse(value);
        }
    }
}
