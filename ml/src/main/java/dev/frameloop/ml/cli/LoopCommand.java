package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.sched.BoostPolicyMap;
import dev.frameloop.collector.sched.MapPolicyWriter;
import dev.frameloop.collector.sched.SchedCommand;
import dev.frameloop.collector.sched.SchedExtension;
import dev.frameloop.core.dataset.DatasetPaths;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.storage.DatasetStorage;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.policy.InMemoryPolicyWriter;
import dev.frameloop.core.ring.EventHandler;
import dev.frameloop.ml.features.SessionEvents;
import dev.frameloop.ml.loop.ClosedLoop;
import dev.frameloop.ml.loop.LoopRecording;
import dev.frameloop.ml.loop.PolicyDecision;
import dev.frameloop.ml.loop.PolicySettings;
import dev.frameloop.ml.loop.RolePolicy;
import dev.frameloop.ml.loop.SafePredictor;
import dev.frameloop.ml.loop.TribuoRoleModel;
import dev.frameloop.ml.train.TribuoLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code frameloop loop}: a thread-role model's predictions become the scheduler's boost policy. */
@Command(name = "loop",
        mixinStandardHelpOptions = true,
        description = {
                "Closes the loop: thread-role features over 1 s windows, as training computes them, are predicted by"
                        + " a model folder (frameloop train --task thread-role) when each window completes, and a policy"
                        + " turns the predictions into boost_policy entries (tid -> role, boost, slice, expiry): an entry"
                        + " is written only after --hysteresis windows in a row predict the same role with at least"
                        + " --confidence-floor, and not when the scheduler's heuristic already gives the thread that role;"
                        + " at most --max-writes per second; every entry expires --ttl after its write (refreshed while"
                        + " still predicted), so a loop that dies leaves no live policy.",
                "A model that throws, answers NaN or takes longer than --predict-budget is counted and its answer"
                        + " dropped; after --max-failures in a row it is switched off and the heuristics decide alone.",
                "--replay SESSION drives the loop from a recorded session (a session=<id> folder of frameloop record)"
                        + " without a kernel, writing into an in-memory map of --map-capacity entries; each decision is"
                        + " printed as one line (time_ns, write|delete, tid, role, heuristic, reason, confidence, boost,"
                        + " slice_ns, expiry_ns) to --decisions or stdout, then the counters. --dry-run decides and"
                        + " prints without writing any map.",
                "Without --replay the loop runs live beside the gamer scheduler (as frameloop sched does: sched_ext"
                        + " kernel, root; in the VM: bin/frameloop vm -- bin/frameloop loop --model M --duration 30s):"
                        + " it reads gamer's rings (task_stats, thread_class, deadline_miss, migration), predicts and writes"
                        + " gamer's boost_policy map (one batch per event, stale entries deleted), then prints sched's"
                        + " report and the loop's counters. Each policy-applied event of gamer (its first use of an"
                        + " entry write) is logged as a line (time_ns applied tid= role= after_write_ns=). The probes of"
                        + " frame, GPU and input events (observe) are not attached yet, so their features are 0 live.",
                "--record DIR records the live session beside the loop, each decision as a policy_decision event;"
                        + " --pin keeps gamer registered if the loop is killed, so that its entries expire by their"
                        + " --ttl (frameloop unpin lists them and unregisters gamer)."})
public final class LoopCommand implements Callable<Integer> {
    /** A replay's predictions take no time: its decisions must not depend on how busy the machine is. */
    private static final java.util.function.LongSupplier REPLAY_CLOCK = () -> 0L;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
            description = "Thread-role model folder from frameloop train (its feature-set version must be this build's).")
    Path model;

    @Option(names = "--replay", paramLabel = "SESSION",
            description = "Recorded session folder (session=<id>, or a dataset holding exactly one session) to drive the"
                    + " loop from, without a kernel.")
    Path replay;

    @Option(names = "--dry-run", description = "Predict and decide, but write no map.")
    boolean dryRun;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Live mode: record the session beside the loop into DIR/session=<id>/, as frameloop record"
                    + " does (every ring record of gamer), with each policy decision as a policy_decision event"
                    + " (with --dry-run: the decisions it would have made).")
    Path record;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Live mode: stop after D, e.g. 30s (default: until Ctrl-C or SIGTERM).")
    Duration duration;

    @Option(names = "--game-pid", paramLabel = "PID",
            description = "Live mode: tell the scheduler this process is a game (repeatable).")
    List<Integer> gamePids = new ArrayList<>();

    @Option(names = "--game-comm", paramLabel = "NAME",
            description = "Live mode: tell the scheduler threads named NAME (or whose process is named NAME) are a"
                    + " game's, as frameloop sched --game-comm does (repeatable).")
    List<String> gameComms = new ArrayList<>();

    @Option(names = "--pin",
            description = "Live mode: keep gamer registered if the loop is killed (as frameloop sched --pin): the loop's"
                    + " entries then expire by their --ttl while gamer schedules on, until frameloop unpin.")
    boolean pin;

    @Option(names = "--test-stall-tid", paramLabel = "TID",
            description = "Test only: passed to sched, whose gamer then never dispatches TID, so the kernel ejects it.")
    int testStallTid;

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "Write the decision lines to FILE instead of stdout.")
    Path decisions;

    @Option(names = "--confidence-floor", defaultValue = "0.6", paramLabel = "P",
            description = "Ignore predictions whose probability is below P, 0..1 (default: ${DEFAULT-VALUE}).")
    double confidenceFloor;

    @Option(names = "--hysteresis", defaultValue = "2", paramLabel = "N",
            description = "Windows in a row that must predict a role before it is written (default: ${DEFAULT-VALUE}).")
    int hysteresis;

    @Option(names = "--ttl", defaultValue = "3s", paramLabel = "D", converter = DurationConverter.class,
            description = "Lifetime of an entry from its write, e.g. 3s, 1500ms (default: ${DEFAULT-VALUE});"
                    + " refreshed when less than half is left.")
    Duration ttl;

    @Option(names = "--max-writes", defaultValue = "50", paramLabel = "N",
            description = "Entries written per second at most (default: ${DEFAULT-VALUE}).")
    int maxWrites;

    @Option(names = "--reorder", defaultValue = "1s", paramLabel = "D", converter = DurationConverter.class,
            description = "Live mode: how long events are held to put the records of gamer's several rings back in"
                    + " timestamp order (default: ${DEFAULT-VALUE}); older ones are dropped and counted.")
    Duration reorder;

    @Option(names = "--predict-budget", defaultValue = "20ms", paramLabel = "D", converter = DurationConverter.class,
            description = "Live mode: longest a prediction may take before its answer is dropped (default:"
                    + " ${DEFAULT-VALUE}). A replay never drops an answer for time, so that it is deterministic.")
    Duration predictBudget;

    @Option(names = "--max-failures", defaultValue = "10", paramLabel = "N",
            description = "Failed predictions in a row (error, NaN, over budget) that switch the model off"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxFailures;

    @Option(names = "--map-capacity", defaultValue = "4096", paramLabel = "N",
            description = "Entries the replay's in-memory map holds, as the scheduler's boost_policy"
                    + " (default: ${DEFAULT-VALUE}).")
    int mapCapacity;

    @Override
    public Integer call() {
        TribuoLogging.quiet();
        if (record != null && replay != null) {
            throw new UserFacingException(ExitCodes.USAGE, "--record records a live run; a replayed session is"
                    + " already recorded: leave out --record");
        }
        if (replay != null && (duration != null || !gamePids.isEmpty() || !gameComms.isEmpty() || pin)) {
            throw new UserFacingException(ExitCodes.USAGE, "--duration, --game-pid, --game-comm and --pin are for the live"
                    + " loop; a replay"
                    + " runs through its session");
        }
        PolicySettings settings;
        try {
            settings = PolicySettings.DEFAULT.with(confidenceFloor, hysteresis, ttl.toNanos(), maxWrites);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, "invalid policy option: " + e.getMessage(), e);
        }
        if (predictBudget.isZero() || maxFailures < 1 || mapCapacity < 1) {
            throw new UserFacingException(ExitCodes.USAGE, "--predict-budget, --max-failures and --map-capacity must"
                    + " be positive");
        }
        TribuoRoleModel roleModel = LearningErrors.translate(() -> TribuoRoleModel.load(model));
        if (replay == null) {
            return live(settings, roleModel);
        }
        List<SessionReader> sessions = SessionDirs.open(List.of(replay));
        if (sessions.size() != 1) {
            throw new UserFacingException(ExitCodes.USAGE, "--replay " + replay + " holds " + sessions.size()
                    + " sessions; give one session=<id> folder");
        }
        SessionReader session = sessions.get(0);
        List<Record> events = LearningErrors.translate(() -> SessionEvents.read(session, EnumSet.of(EventType.TASK_STATS)));
        InMemoryPolicyWriter writer = dryRun ? null : new InMemoryPolicyWriter(mapCapacity);
        PrintWriter out = spec.commandLine().getOut();
        try (PrintWriter log = decisions == null ? null
                : new PrintWriter(Files.newBufferedWriter(decisions, StandardCharsets.UTF_8))) {
            PrintWriter sink = log == null ? out : log;
            ClosedLoop loop = new ClosedLoop(
                    new SafePredictor(roleModel, REPLAY_CLOCK, predictBudget.toNanos(), maxFailures),
                    new RolePolicy(settings), writer, (PolicyDecision d) -> sink.println(d.line()), null, 0);
            for (Record event : events) {
                loop.accept(event);
            }
            loop.finish();
            sink.flush();
            out.println("replayed session " + session.id() + (dryRun ? " (dry run: no map written)" : ""));
            loop.report().forEach(out::println);
            if (writer != null) {
                out.println("map at the end: " + writer.entries().size() + " entries");
            }
            out.flush();
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot write --decisions " + decisions + ": "
                    + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private int live(PolicySettings settings, TribuoRoleModel roleModel) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log;
        try {
            log = decisions == null ? out : new PrintWriter(Files.newBufferedWriter(decisions, StandardCharsets.UTF_8),
                    true);
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot write --decisions " + decisions + ": "
                    + e.getMessage(), e);
        }
        DatasetStorage storage = null;
        if (record != null) {
            try {
                Files.createDirectories(record);
                storage = DatasetStorage.open(record.toString());
            } catch (IOException | RuntimeException e) {
                throw new UserFacingException(ExitCodes.IO_ERROR, "--record " + record + " cannot be written ("
                        + e.getMessage() + "); choose a folder you can write", e);
            }
        }
        LiveLoop extension = new LiveLoop(new SafePredictor(roleModel, System::nanoTime, predictBudget.toNanos(),
                maxFailures), new RolePolicy(settings), dryRun, log, reorder.toNanos(), storage);
        List<String> args = new ArrayList<>();
        if (duration != null) {
            args.add("--duration");
            args.add(DurationConverter.format(duration));
        }
        if (pin) {
            args.add("--pin");
        }
        if (testStallTid != 0) {
            args.add("--test-stall-tid");
            args.add(Integer.toString(testStallTid));
        }
        for (int pid : gamePids) {
            args.add("--game-pid");
            args.add(Integer.toString(pid));
        }
        for (String comm : gameComms) {
            args.add("--game-comm");
            args.add(comm);
        }
        CommandLine sched = new CommandLine(new SchedCommand().withExtension(extension));
        sched.setOut(out);
        sched.setErr(spec.commandLine().getErr());
        sched.setExecutionExceptionHandler(spec.root().commandLine().getExecutionExceptionHandler());
        try {
            return sched.execute(args.toArray(String[]::new));
        } finally {
            log.flush();
            if (log != out) {
                log.close();
            }
        }
    }

    /** The closed loop as a part of sched's run: gamer's ring records in, its boost_policy map out. */
    private static final class LiveLoop implements SchedExtension {

        private final SafePredictor predictor;
        private final RolePolicy policy;
        private final boolean dryRun;
        private final PrintWriter log;
        private final long reorderNs;
        private final DatasetStorage storage;
        private String objectSha256 = "";
        private Map<String, String> eventSources = Map.of();
        private ClosedLoop loop;
        private LoopRecording recording;
        private String ejection;

        LiveLoop(SafePredictor predictor, RolePolicy policy, boolean dryRun, PrintWriter log, long reorderNs,
                 DatasetStorage storage) {
            this.reorderNs = reorderNs;
            this.predictor = predictor;
            this.policy = policy;
            this.dryRun = dryRun;
            this.log = log;
            this.storage = storage;
        }

        @Override
        public void loaded(String objectSha256, Map<String, String> eventSources) {
            this.objectSha256 = objectSha256;
            this.eventSources = Map.copyOf(eventSources);
        }

        @Override
        public EventHandler start(BoostPolicyMap map) {
            Consumer<PolicyDecision> decisions = d -> log.println(d.line());
            if (storage != null) {
                SessionId id = SessionId.startingAt(Instant.now());
                try {
                    recording = new LoopRecording(SessionWriter.create(storage, id, SessionInfo.ofThisHost(
                            "scheduler", objectSha256, eventSources), SessionWriterOptions.DEFAULT, Clock.systemUTC()),
                            dryRun, System::nanoTime);
                } catch (IOException e) {
                    throw new UserFacingException(ExitCodes.IO_ERROR, "cannot start session " + id + " in "
                            + storage.describe("") + ": " + e.getMessage(), e);
                }
                log.println("recording session " + id + " into " + storage.describe(DatasetPaths.sessionDir(id)));
                decisions = decisions.andThen(recording::onDecision);
            }
            loop = new ClosedLoop(predictor, policy, dryRun ? null : MapPolicyWriter.of(map), decisions,
                    System::nanoTime, reorderNs);
            loop.onApplied(e -> log.println(e.timestampNs() + " applied tid=" + e.tid() + " role="
                    + e.role().name().toLowerCase(java.util.Locale.ROOT) + " after_write_ns="
                    + (e.timestampNs() - e.entryTimestampNs())));
            if (recording == null) {
                return loop;
            }
            LoopRecording rec = recording;
            ClosedLoop closed = loop;
            return (ringId, buffer, offset, length) -> {
                rec.onEvent(ringId, buffer, offset, length);
                closed.onEvent(ringId, buffer, offset, length);
            };
        }

        @Override
        public void stopped(String reason, boolean ejected) {
            if (ejected) {
                ejection = reason;
                log.println("loop: " + reason + "; the loop stops with it (the kernel schedules on its own; gamer's"
                        + " boost_policy map, and every entry in it, went with gamer)");
            }
        }

        @Override
        public List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("loop" + (dryRun ? " (dry run: no map written)" : "") + ":");
            if (loop != null) {
                loop.report().forEach(l -> lines.add("  " + l));
            }
            lines.add("  scheduler ejections: " + (ejection == null ? 0 : 1));
            if (recording != null) {
                SessionSummary summary = recording.finish("stopped with the loop");
                lines.add("  recorded: " + recording.decisions() + " decisions; session " + summary.manifest().sessionId()
                        + (summary.isClean() ? "" : " (" + summary + ")"));
            }
            return lines;
        }
    }
}
