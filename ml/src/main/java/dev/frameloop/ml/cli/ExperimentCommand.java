package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.ml.experiment.Arm;
import dev.frameloop.ml.experiment.BackgroundSpec;
import dev.frameloop.ml.experiment.Bootstrap;
import dev.frameloop.ml.experiment.ExperimentAnalysis;
import dev.frameloop.ml.experiment.ExperimentPlan;
import dev.frameloop.ml.experiment.ExperimentReport;
import dev.frameloop.ml.experiment.ExperimentRunner;
import dev.frameloop.ml.experiment.FrameloopLauncher;
import dev.frameloop.ml.experiment.RunOutcome;
import dev.frameloop.ml.experiment.SessionRecorder;
import dev.frameloop.ml.experiment.SynthgameBinary;
import dev.frameloop.ml.experiment.SystemInfo;
import dev.frameloop.ml.experiment.Workload;
import dev.frameloop.ml.train.ModelFolderException;
import dev.frameloop.ml.train.ModelStore;
import dev.frameloop.ml.train.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop experiment}: a workload under several scheduler arms, repeated, with a report people can trust. */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
                "Runs a workload under several arms -- the kernel's default scheduler, the gamer scheduler, the gamer",
                "scheduler with a model's policy -- with the same background load, each arm --repeats times, interleaved",
                "(ABCABC…), and writes a report: frame-time p50/p95/p99/p99.9, average FPS, 1 %% and 0.1 %% lows",
                "(MangoHud's definition), stutters (CapFrameX's), deadline misses, input-to-present latency and audio",
                "underruns per arm with bootstrap confidence intervals, and each arm's difference to the first arm; an arm",
                "is called better only when its interval excludes zero.",
                "",
                "OUT/report.md, OUT/report.html (self-contained, plots inline), OUT/results.json, OUT/plots/*.png and",
                "OUT/runs/<NN-arm-rK>/ per run (the workload's ground truth in ground-truth/, logs, run.json, and a",
                "recorded session in session/ when this build has 'frameloop record').",
                ""},
        footerHeading = "%nNotes:%n",
        footer = {
                "  The gamer arms need sched_ext: on a host without it, add --vm (the whole experiment then runs in the",
                "  guest of 'frameloop vm', OUT shared read-write). gamer+model=MODEL_DIR runs 'frameloop loop --model",
                "  MODEL_DIR' (gamer with the thread-role model's boost policy; decisions in RUN/decisions.txt) instead of",
                "  'frameloop sched'. Each run is recorded with 'frameloop record --mode observe' (the same probes in every",
                "  arm); the report reads the sessions back (migrations, process events). Background load needs stress-ng",
                "  (sudo bin/setup). Run as root (sched, uinput, DRM).",
                "",
                "Exit status: 0 every run that could run did; 1 a run failed (the report says which); 2 bad options;",
                "  3 something needed is missing (synthgame, stress-ng, sched_ext without --vm).",
                "",
                "Examples:",
                "  frameloop experiment --vm --arms default,gamer --duration 10s --repeats 3 --background cpu:2 --out exp1",
                "  frameloop experiment --synthgame-args '--fps 30 --input-hz 8000' --out exp2",
                "  frameloop experiment --arms default,gamer --out exp3 -- glxgears"})
public final class ExperimentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--workload", paramLabel = "NAME", defaultValue = "synthgame",
            description = "The workload when no CMD is given: synthgame (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--synthgame-args", paramLabel = "ARGS", defaultValue = "",
            description = "Extra synthgame options, split at spaces, e.g. '--fps 30 --work-us 2000' (see synthgame --help).")
    String synthgameArgs;

    @Option(names = "--background", paramLabel = "SPEC", defaultValue = "none",
            description = "Background load beside every run, KIND:AMOUNT,… with cpu:N (spinning workers), fork:N (fork"
                    + " storm workers), io:N (sync() workers), mem:SIZE (memory kept touched, e.g. 512M), or none"
                    + " (default: ${DEFAULT-VALUE}); run by stress-ng.")
    String background;

    @Option(names = "--arms", paramLabel = "LIST", defaultValue = "default,gamer",
            description = "Arms, the first is the baseline: default, gamer, gamer+model=MODEL_DIR (a thread-role model folder of"
                    + " frameloop train) (default: ${DEFAULT-VALUE}).")
    String arms;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long the workload runs in each run, e.g. 5s, 1m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Runs per arm (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000",
            description = "Bootstrap resamples per interval, at least 100 (default: ${DEFAULT-VALUE}).")
    int bootstrapIterations;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the bootstrap; synthgame's seed in repeat k is N+k, the same in every arm (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--vm", description = "Run the whole experiment in a guest on a sched_ext kernel (frameloop vm).")
    boolean vm;

    @Option(names = "--vm-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "Limit of the guest with --vm (default: runs × (duration + 2 min) + 5 min).")
    Duration vmTimeout;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the report and the runs (created; must be empty or missing).")
    Path out;

    @Parameters(paramLabel = "CMD", arity = "0..*",
            description = "A command to run as the workload instead of synthgame (after --).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ExperimentPlan plan = plan();
        Bootstrap bootstrap = bootstrap();
        Path outDir = out.toAbsolutePath().normalize();
        if (Files.isDirectory(outDir)) {
            try (var entries = Files.list(outDir)) {
                if (entries.findAny().isPresent()) {
                    throw new UserFacingException(ExitCodes.USAGE, "--out " + outDir + " is not empty; give a new folder");
                }
            }
        }
        Files.createDirectories(outDir);
        if (vm) {
            return runInGuest(plan, outDir);
        }
        if (!plan.background().isNone() && !onPath("stress-ng")) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "--background " + plan.background()
                    + " needs stress-ng; install the Debian package stress-ng (or run: sudo bin/setup)");
        }
        System.setProperty("java.awt.headless", "true");
        PrintWriter progress = spec.commandLine().getOut();
        FrameloopLauncher launcher = FrameloopLauncher.current();
        SessionRecorder recorder = SessionRecorder.detect(spec.root().subcommands().containsKey("record"), launcher);
        Instant started = Instant.now();
        List<RunOutcome> outcomes;
        SystemInfo system;
        try (SynthgameBinary binary = plan.workload() instanceof Workload.Synthgame ? SynthgameBinary.locate() : null) {
            Optional<Path> synthgame = Optional.ofNullable(binary).map(SynthgameBinary::synthgame);
            progress.printf("experiment: %d runs of %s, arms %s, background %s, into %s%n", plan.runs().size(),
                    plan.workload().describe(), arms, plan.background(), outDir);
            progress.flush();
            outcomes = new ExperimentRunner(plan, outDir, synthgame, launcher, recorder, progress).run();
            system = SystemInfo.collect(new VersionProvider().getVersion()[0], synthgame);
        }
        ExperimentAnalysis analysis = ExperimentAnalysis.of(plan, outcomes, bootstrap);
        List<String> exact = new ArrayList<>(List.of("frameloop", "experiment"));
        ownArguments().forEach(a -> exact.add(shellWord(a)));
        Path html = ExperimentReport.write(outDir, new ExperimentReport.Inputs(plan, outcomes, analysis, system, exact,
                started, Instant.now(), recorder.describe()));
        progress.println("report: " + html);
        progress.println("report: " + outDir.resolve(ExperimentReport.MARKDOWN));
        progress.flush();
        List<String> crossCheck = ExperimentReport.crossCheckFailures(outcomes);
        if (!crossCheck.isEmpty()) {
            throw new UserFacingException(ExitCodes.FAILURE, "frame cross-check FAILED: the frames frameloop recorded do not"
                    + " match the game's ground truth in " + crossCheck.size() + " run(s): " + String.join("; ", crossCheck)
                    + "; see " + html);
        }
        long failed = outcomes.stream().filter(o -> o.status() == RunOutcome.Status.FAILED).count();
        if (failed > 0) {
            throw new UserFacingException(ExitCodes.FAILURE, failed + " of " + outcomes.size()
                    + " runs failed; the report lists why: " + html);
        }
        return ExitCodes.OK;
    }

    private ExperimentPlan plan() {
        try {
            Workload w;
            if (!command.isEmpty()) {
                if (!synthgameArgs.isBlank()) {
                    throw new IllegalArgumentException("--synthgame-args applies to synthgame only, not to a CMD workload");
                }
                w = new Workload.Command(command);
            } else if (workload.equals("synthgame")) {
                w = new Workload.Synthgame(synthgameArgs.isBlank() ? List.of() : Arrays.asList(synthgameArgs.trim().split("\\s+")));
            } else {
                throw new IllegalArgumentException("--workload '" + workload + "' is unknown: use synthgame, or give a command after --");
            }
            return new ExperimentPlan(w, withCheckedModels(Arm.parseList(arms)), BackgroundSpec.parse(background), duration,
                    repeats, seed);
        } catch (IllegalArgumentException | ModelFolderException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The analysis's bootstrap, checked before anything runs. */
    private Bootstrap bootstrap() {
        try {
            return new Bootstrap(bootstrapIterations, confidence, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " (--bootstrap, --confidence)");
        }
    }

    /** The arms, a gamer+model arm's folder made absolute once it is checked to hold a thread-role model. */
    private static List<Arm> withCheckedModels(List<Arm> parsed) {
        List<Arm> checked = new ArrayList<>();
        for (Arm arm : parsed) {
            if (arm.kind() != Arm.Kind.GAMER_MODEL) {
                checked.add(arm);
                continue;
            }
            Path dir = arm.modelDir().orElseThrow(() -> new IllegalArgumentException("arm gamer+model needs its model"
                    + " folder: gamer+model=MODEL_DIR (the --out of frameloop train --task thread-role)"));
            ModelStore.load(dir, Task.THREAD_ROLE);
            checked.add(new Arm(arm.kind(), Optional.of(dir.toAbsolutePath().normalize())));
        }
        return checked;
    }

    /** Runs this same command, without --vm, inside {@code frameloop vm} with OUT shared; the guest's exit code. */
    private int runInGuest(ExperimentPlan plan, Path outDir) throws Exception {
        List<String> inner = new ArrayList<>();
        List<String> original = ownArguments();
        for (int i = 0; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--vm")) {
                continue;
            }
            if (a.equals("--vm-timeout")) {
                i++;
                continue;
            }
            if (a.startsWith("--vm-timeout=")) {
                continue;
            }
            if (a.equals("--out")) {
                i++;
                continue;
            }
            if (a.startsWith("--out=")) {
                continue;
            }
            inner.add(a);
        }
        int dashDash = inner.indexOf("--");
        List<String> experiment = new ArrayList<>(List.of("experiment", "--out", outDir.toString()));
        experiment.addAll(dashDash < 0 ? inner : inner.subList(0, dashDash));
        if (dashDash >= 0) {
            experiment.addAll(inner.subList(dashDash, inner.size()));
        }
        Duration limit = vmTimeout != null ? vmTimeout
                : plan.duration().plus(Duration.ofMinutes(2)).multipliedBy(plan.runs().size()).plus(Duration.ofMinutes(5));
        FrameloopLauncher launcher = FrameloopLauncher.current();
        List<String> argv = new ArrayList<>(launcher.command(List.of("vm", "--share", outDir.toString(),
                "--timeout", DurationConverter.format(limit), "--")));
        argv.addAll(FrameloopLauncher.inGuest().command(experiment));
        PrintWriter progress = spec.commandLine().getOut();
        progress.println("experiment: running in a sched_ext guest (frameloop vm, limit " + DurationConverter.format(limit) + ")");
        progress.flush();
        Process p = new ProcessBuilder(argv).inheritIO().start();
        return p.waitFor();
    }

    /** The arguments after {@code experiment} as the user typed them (the root's parse holds the whole line). */
    private List<String> ownArguments() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int at = all.indexOf(spec.name());
        return at < 0 ? all : all.subList(at + 1, all.size());
    }

    /** {@code word} as a POSIX shell reads it back: single-quoted unless it is plain. */
    static String shellWord(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean onPath(String program) {
        return Arrays.stream(Optional.ofNullable(System.getenv("PATH")).orElse("").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
