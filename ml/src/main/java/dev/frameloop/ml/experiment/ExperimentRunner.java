package dev.frameloop.ml.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.core.dataset.DatasetFormatException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs an experiment's plan, run by run in the interleaved order, each in {@code OUT/runs/<run>/}:
 * the arm's scheduler attached → recording started (and reading) → background load started → the workload run to its end
 * → all of them stopped in reverse order. (The scheduler and the recorder start before the load so that their JVMs'
 * start-up, long in a TCG guest, does not compete with it; the load then runs the same way in every arm, from just
 * before the workload to its end.) Each run leaves its logs, the workload's ground truth
 * ({@code ground-truth/}) and {@code run.json}; a recorded synthgame run is cross-checked against its ground truth
 * ({@link FrameCrossCheck}).
 */
public final class ExperimentRunner {
    /** The text {@code frameloop sched} prints once the gamer scheduler is attached. */
    static final String SCHED_READY = "enabled (sched_ext state:";
    private static final Duration SCHED_START_LIMIT = Duration.ofMinutes(5);
    private static final Duration WORKLOAD_GRACE = Duration.ofMinutes(2);
    private static final Duration RECORD_START_LIMIT = Duration.ofMinutes(5);
    private static final Path SCHED_EXT_STATE = Path.of("/sys/kernel/sched_ext/state");
    /** The file of a gamer+model run that holds the loop's decision lines. */
    public static final String DECISIONS = "decisions.txt";
    /** Lines of the scheduler's (and the loop's) closing report kept in {@link RunOutcome#SCHED_SUMMARY}. */
    private static final int SUMMARY_LINES = 30;

    private final ExperimentPlan plan;
    private final Path out;
    private final Optional<Path> synthgame;
    private final FrameloopLauncher launcher;
    private final SessionRecorder recorder;
    private final PrintWriter progress;

    /**
     * @param synthgame the synthgame binary, for the synthgame workload
     * @param progress  where a line per step goes
     */
    public ExperimentRunner(ExperimentPlan plan, Path out, Optional<Path> synthgame, FrameloopLauncher launcher,
                            SessionRecorder recorder, PrintWriter progress) {
        if (plan.workload() instanceof Workload.Synthgame && synthgame.isEmpty()) {
            throw new IllegalArgumentException("the synthgame workload needs the synthgame binary");
        }
        this.plan = plan;
        this.out = out;
        this.synthgame = synthgame;
        this.launcher = launcher;
        this.recorder = recorder;
        this.progress = progress;
    }

    /** Runs every planned run; a failed run is recorded as such and the experiment goes on. */
    public List<RunOutcome> run() throws IOException, InterruptedException {
        List<RunOutcome> outcomes = new ArrayList<>();
        List<PlannedRun> runs = plan.runs();
        for (PlannedRun run : runs) {
            progress.printf("run %d/%d: %s, repeat %d …%n", run.index() + 1, runs.size(), run.arm().name(), run.repeat() + 1);
            progress.flush();
            Path dir = Files.createDirectories(out.resolve("runs").resolve(run.folderName()));
            Instant start = Instant.now();
            RunOutcome outcome = withRecordedSession(runOne(run, dir));
            writeRunJson(outcome, start, Instant.now());
            progress.printf("run %d/%d: %s: %s%n", run.index() + 1, runs.size(), outcome.status().name().toLowerCase(java.util.Locale.ROOT),
                    outcome.message());
            progress.flush();
            outcomes.add(outcome);
        }
        return List.copyOf(outcomes);
    }

    /** Reads back the session the run recorded (the recorder has stopped); a session that cannot be read is reported. */
    private RunOutcome withRecordedSession(RunOutcome outcome) {
        OptionalInt pid = outcome.groundTruth().map(gt -> gt.summary().path("pid").asInt(0)).filter(p -> p > 0)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        try {
            return outcome.withSession(RecordedSession.read(outcome.dir(), pid));
        } catch (IOException | RuntimeException e) {
            progress.println("recorded session of " + outcome.run().folderName() + " not read: " + e.getMessage());
            return outcome;
        }
    }

    private RunOutcome runOne(PlannedRun run, Path dir) throws IOException, InterruptedException {
        Arm arm = run.arm();
        if (arm.kind() == Arm.Kind.GAMER_MODEL && arm.modelDir().isEmpty()) {
            return new RunOutcome(run, dir, RunOutcome.Status.UNAVAILABLE,
                    "the gamer+model arm needs a model folder: gamer+model=MODEL_DIR (frameloop train --task thread-role)",
                    Optional.empty());
        }
        if (arm.kind() != Arm.Kind.DEFAULT && !Files.exists(SCHED_EXT_STATE)) {
            return new RunOutcome(run, dir, RunOutcome.Status.UNAVAILABLE,
                    "this kernel has no sched_ext (" + SCHED_EXT_STATE + " is missing): run the experiment with --vm",
                    Optional.empty());
        }
        List<String> background = plan.background().stressNgCommand(plan.duration().toSeconds() + 600);
        ChildProcess stress = null;
        ChildProcess sched = null;
        ChildProcess recording = null;
        Optional<String> bpfStatsBefore = Optional.empty();
        long attached = 0;
        long cpuAtAttach = 0;
        try {
            if (arm.kind() != Arm.Kind.DEFAULT) {
                bpfStatsBefore = SchedOverhead.enableBpfStats();
                List<String> schedArgs = schedArguments(arm, dir);
                sched = ChildProcess.start(launcher.command(schedArgs), dir.resolve("sched.log"));
                if (!sched.awaitOutput(SCHED_READY, SCHED_START_LIMIT)) {
                    return new RunOutcome(run, dir, RunOutcome.Status.FAILED, "frameloop " + schedArgs.get(0)
                            + " did not attach within " + SCHED_START_LIMIT.toSeconds() + " s; see " + dir.resolve("sched.log"),
                            Optional.empty());
                }
                attached = System.nanoTime();
                cpuAtAttach = SchedOverhead.processCpuNs(sched.pid());
            }
            recording = recorder.start(dir, recordArguments()).orElse(null);
            if (recording != null && !recording.awaitOutput(SessionRecorder.READY, RECORD_START_LIMIT)) {
                return new RunOutcome(run, dir, RunOutcome.Status.FAILED, "frameloop record did not start recording within "
                        + RECORD_START_LIMIT.toSeconds() + " s; see " + dir.resolve("record.log"), Optional.empty());
            }
            if (!background.isEmpty()) {
                stress = ChildProcess.start(background, dir.resolve("background.log"));
            }
            ChildProcess workload = ChildProcess.start(workloadCommand(run, dir), dir.resolve("workload.log"));
            Optional<Integer> exit;
            try (workload) {
                exit = workload.await(plan.duration().plus(WORKLOAD_GRACE));
            }
            if (exit.isEmpty()) {
                return new RunOutcome(run, dir, RunOutcome.Status.FAILED, "the workload did not end within its duration + "
                        + WORKLOAD_GRACE.toSeconds() + " s and was stopped", Optional.empty());
            }
            if (exit.get() != 0) {
                return new RunOutcome(run, dir, RunOutcome.Status.FAILED, "the workload exited with status " + exit.get()
                        + "; see " + dir.resolve("workload.log"), Optional.empty());
            }
            if (sched != null && !sched.isAlive()) {
                return new RunOutcome(run, dir, RunOutcome.Status.FAILED, "the scheduler process ended during the run (exit "
                        + sched.await(Duration.ZERO).orElse(-1) + "); see " + dir.resolve("sched.log"), Optional.empty());
            }
            Optional<SchedOverhead> overhead = Optional.empty();
            if (sched != null) {
                StringBuilder why = new StringBuilder();
                overhead = SchedOverhead.measure(sched.pid(), System.nanoTime() - attached, cpuAtAttach, why);
                if (overhead.isEmpty() || bpfStatsBefore.isEmpty()) {
                    progress.println("scheduler overhead not measured: " + (bpfStatsBefore.isEmpty()
                            ? "could not enable " + SchedOverhead.BPF_STATS : why));
                    overhead = Optional.empty();
                }
            }
            Optional<GroundTruth> truth = Optional.empty();
            Optional<FrameCrossCheck> crossCheck = Optional.empty();
            String message = "workload exited 0; no frame data: a command has no ground truth of its own, and frames"
                    + " from recorded sessions are not read yet";
            if (plan.workload() instanceof Workload.Synthgame) {
                GroundTruth gt = GroundTruth.read(dir.resolve("ground-truth"));
                truth = Optional.of(gt);
                message = gt.frames() + " frames, " + gt.summary().path("frames_missed").asLong() + " missed, "
                        + gt.inputLatenciesNs().length + " input latencies, " + gt.underruns() + " underruns";
                if (recording != null) {
                    recording.stop(); // the session's files are final once the recorder has ended
                    try {
                        crossCheck = Optional.of(FrameCrossCheck.of(gt, dir.resolve(SessionRecorder.FOLDER)));
                        message += "; frame cross-check " + crossCheck.get().describe();
                    } catch (IOException | DatasetFormatException e) {
                        message += "; frame cross-check impossible: the recorded session cannot be read (" + e.getMessage()
                                + "; see " + dir.resolve("record.log") + ")";
                    }
                }
            }
            return new RunOutcome(run, dir, RunOutcome.Status.OK, message, truth, overhead, crossCheck, Optional.empty());
        } finally {
            if (recording != null) {
                recording.stop();
            }
            if (stress != null) {
                stress.stop();
            }
            if (sched != null) {
                sched.stop();
                Files.writeString(dir.resolve(RunOutcome.SCHED_SUMMARY), lastLines(sched.output(), SUMMARY_LINES));
            }
            if (bpfStatsBefore.isPresent()) {
                SchedOverhead.restoreBpfStats(bpfStatsBefore.get());
            }
        }
    }

    /** The game's name and present function, so that the session has its frames (synthgame only). */
    private List<String> recordArguments() {
        if (plan.workload() instanceof Workload.Synthgame) {
            return List.of("--game-comm", "synthgame", "--frame-hook", synthgame.orElseThrow().toAbsolutePath() + ":synthgame_present");
        }
        return List.of();
    }

    /**
     * The scheduler of a gamer arm: {@code frameloop sched}, or for gamer+model {@code frameloop loop --model DIR}
     * (the gamer scheduler with the model's policy in its boost_policy map, decisions in {@code RUN/decisions.txt}).
     */
    List<String> schedArguments(Arm arm, Path dir) {
        List<String> args = new ArrayList<>();
        if (arm.kind() == Arm.Kind.GAMER_MODEL) {
            args.addAll(List.of("loop", "--model", arm.modelDir().orElseThrow().toAbsolutePath().toString(),
                    "--decisions", dir.resolve(DECISIONS).toString()));
        } else {
            args.add("sched");
        }
        if (plan.workload() instanceof Workload.Synthgame) {
            args.addAll(List.of("--game-comm", "synthgame"));
        }
        return args;
    }

    private List<String> workloadCommand(PlannedRun run, Path dir) {
        if (plan.workload() instanceof Workload.Synthgame s) {
            List<String> argv = new ArrayList<>(List.of(synthgame.orElseThrow().toString(),
                    "--out", dir.resolve("ground-truth").toString(),
                    "--duration", Double.toString(plan.duration().toMillis() / 1000.0),
                    "--seed", Long.toString(plan.seed() + run.repeat())));
            argv.addAll(s.extraOptions());
            return argv;
        }
        return ((Workload.Command) plan.workload()).argv();
    }

    private void writeRunJson(RunOutcome outcome, Instant start, Instant end) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("index", outcome.run().index());
        node.put("arm", outcome.run().arm().toString());
        node.put("repeat", outcome.run().repeat());
        node.put("status", outcome.status().name());
        node.put("message", outcome.message());
        node.put("start", start.toString());
        node.put("end", end.toString());
        node.put("background", plan.background().toString());
        node.put("recorder", recorder.describe());
        outcome.groundTruth().ifPresent(gt -> node.put("frames", gt.frames()));
        outcome.session().ifPresent(s -> node.put("session", s.sessionId()).put("session_mode", s.mode())
                .put("session_migrations", s.migrations()).put("session_game_migrations", s.gameMigrations()));
        outcome.overhead().ifPresent(o -> node.put("sched_bpf_run_time_ns", o.bpfRunTimeNs()).put("sched_bpf_runs", o.bpfRuns())
                .put("sched_process_cpu_ns", o.userCpuNs()).put("sched_wall_ns", o.wallNs()));
        json.writerWithDefaultPrettyPrinter().writeValue(outcome.dir().resolve("run.json").toFile(), node);
    }

    static String lastLines(String text, int n) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
