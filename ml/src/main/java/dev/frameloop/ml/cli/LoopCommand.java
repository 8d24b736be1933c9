package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.policy.InMemoryPolicyWriter;
import dev.frameloop.ml.features.SessionEvents;
import dev.frameloop.ml.loop.ClosedLoop;
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
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

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
                "The live mode (scheduler, probes and the BPF map) is not in this build yet: give --replay."})
public final class LoopCommand implements Callable<Integer> {
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
            description = "Record the live session beside the loop (live mode only; not in this build).")
    Path record;

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

    @Option(names = "--predict-budget", defaultValue = "5ms", paramLabel = "D", converter = DurationConverter.class,
            description = "Longest a prediction may take before its answer is dropped (default: ${DEFAULT-VALUE}).")
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
        if (replay == null) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "the live loop (scheduler, probes, boost_policy map)"
                    + " is not in this build yet; give --replay SESSION to drive the loop from a recorded session");
        }
        if (record != null) {
            throw new UserFacingException(ExitCodes.USAGE, "--record records a live run; a replayed session is already"
                    + " recorded: leave out --record or --replay");
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
                    new SafePredictor(roleModel, System::nanoTime, predictBudget.toNanos(), maxFailures),
                    new RolePolicy(settings), writer, (PolicyDecision d) -> sink.println(d.line()), null);
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
}
