package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.TableCounts;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;
import dev.frameloop.ml.demo.ChildOutput;
import dev.frameloop.ml.demo.DemoPlan;
import dev.frameloop.ml.demo.DemoSettings;
import dev.frameloop.ml.demo.DemoStep;
import dev.frameloop.ml.demo.ExperimentSummary;
import dev.frameloop.ml.experiment.ExperimentReport;
import dev.frameloop.ml.demo.SessionRecording;
import dev.frameloop.ml.experiment.BackgroundSpec;
import dev.frameloop.ml.experiment.FrameloopLauncher;
import dev.frameloop.ml.experiment.SynthgameBinary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code frameloop demo}: the whole path, from checking the machine to an experiment's report, in a few minutes. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
                "Shows frameloop end to end, one numbered step after another:",
                "  1 doctor        what this machine can do (frameloop doctor)",
                "  2 record        synthgame sessions under background load, recorded with the gamer scheduler and the",
                "                  probes (frameloop record --mode scheduler) into OUT/sessions/",
                "  3 train-roles   a thread-role model from them (frameloop train --task thread-role) in OUT/models/",
                "  4 train-frames  a frame-miss model (frameloop train --task frame-miss), when the sessions hold frames",
                "  5 experiment    synthgame under default, gamer and gamer+model=OUT/models/thread-role, with the same",
                "                  background (frameloop experiment) into OUT/experiment/",
                "  6 report        the experiment's main numbers and where its report is",
                "Where the kernel has no sched_ext (frameloop doctor says), steps 2-5 run in one guest of frameloop vm",
                "(OUT shared read-write); elsewhere everything runs here. In a qemu TCG guest most of the time goes to",
                "starting JVMs and loading BPF programs (each recorded session and experiment run starts a recorder and a",
                "scheduler); --quick records shorter sessions and runs.",
                ""},
        footerHeading = "%nNotes:%n",
        footer = {
                "  Needs root (BPF, the scheduler, uinput), stress-ng for the background, and qemu with a sched_ext",
                "  kernel where the host has none (sudo bin/setup installs what is missing).",
                "  --steps runs some steps only, e.g. again on an earlier OUT: --steps train-roles,experiment,report",
                "  (the experiment needs OUT/experiment/ to be absent or empty).",
                "",
                "Exit status: 0 done; 1 a step failed (the message names it and where its output is); 2 bad options or",
                "  an OUT that holds something; 3 something needed is missing.",
                "",
                "Examples:",
                "  sudo bin/frameloop demo --out demo",
                "  sudo bin/frameloop demo --quick --out demo-quick",
                "  sudo bin/frameloop demo --dry-run --out demo"})
public final class DemoCommand implements Callable<Integer> {
    /** While the guest prints nothing for this long (booting, starting a JVM under TCG), a line says it is still at work. */
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(20);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "frameloop-demo",
            description = "Folder for everything the demo makes; must be empty or missing unless --steps is given"
                    + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "A shorter demo (2 sessions of 6 s, runs of 3 s): every step, fewer numbers.")
    boolean quick;

    @Option(names = "--sessions", paramLabel = "N",
            description = "Sessions to record, at least 2 (default: 2).")
    Integer sessions;

    @Option(names = "--session-duration", paramLabel = "D", converter = DurationConverter.class,
            description = "How long synthgame runs in each recorded session (default: 15s; --quick: 6s).")
    Duration sessionDuration;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "How long synthgame runs in each experiment run (default: 6s; --quick: 3s).")
    Duration runDuration;

    @Option(names = "--repeats", paramLabel = "N",
            description = "Experiment runs per arm (default: 1).")
    Integer repeats;

    @Option(names = "--background", paramLabel = "SPEC", defaultValue = "cpu:1",
            description = "Background load while recording and in every run, as frameloop experiment takes it"
                    + " (default: ${DEFAULT-VALUE}).")
    String background;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of synthgame, training and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "LIST", defaultValue = "all",
            description = "Steps to run, comma-separated: all, or of " + "doctor,record,train-roles,train-frames,experiment,report"
                    + " (default: ${DEFAULT-VALUE}).")
    String steps;

    @Option(names = "--dry-run", description = "Print the steps, where each runs and its commands; run nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        DemoPlan plan = plan();
        PrintWriter progress = spec.commandLine().getOut();
        if (dryRun) {
            describe(plan, progress);
            return ExitCodes.OK;
        }
        checkOut(plan);
        Files.createDirectories(plan.roleModel().getParent());
        long start = System.nanoTime();
        int exit = ExitCodes.OK;
        for (DemoPlan.Stage stage : plan.stages()) {
            if (stage.inGuest()) {
                exit = Math.max(exit, runGuest(plan, stage, progress));
                continue;
            }
            for (DemoStep step : stage.steps()) {
                exit = Math.max(exit, runStep(plan, step, progress));
            }
        }
        if (plan.steps().contains(DemoStep.REPORT)) {
            progress.println("demo: done in " + elapsed(start) + "; sessions in " + plan.sessionsDir() + ", models in "
                    + plan.roleModel().getParent());
        }
        progress.flush();
        return exit;
    }

    DemoPlan plan() {
        try {
            Path dir = out.toAbsolutePath().normalize();
            DemoSettings base = quick ? DemoSettings.quick(dir) : DemoSettings.standard(dir);
            DemoSettings settings = new DemoSettings(dir,
                    sessions != null ? sessions : base.sessions(),
                    sessionDuration != null ? sessionDuration : base.sessionDuration(),
                    runDuration != null ? runDuration : base.runDuration(),
                    repeats != null ? repeats : base.repeats(),
                    BackgroundSpec.parse(background), seed);
            Set<DemoStep> selected = DemoStep.parseList(steps);
            return DemoPlan.of(settings, selected, new SchedExtSysfs(SchedExtSysfs.DEFAULT).isPresent());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void checkOut(DemoPlan plan) throws IOException {
        Path dir = plan.settings().out();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserFacingException(ExitCodes.USAGE, "--out " + dir + " is a file; give a folder");
        }
        boolean everyStep = plan.steps().size() == DemoStep.values().length;
        if (everyStep && Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UserFacingException(ExitCodes.USAGE, "--out " + dir + " is not empty; give a new folder"
                            + " (or --steps to run some steps again on it)");
                }
            }
        }
        if (!plan.steps().contains(DemoStep.RECORD) && plan.steps().stream().anyMatch(s -> s == DemoStep.TRAIN_ROLES
                || s == DemoStep.TRAIN_FRAMES) && !Files.isDirectory(plan.sessionsDir())) {
            throw new UserFacingException(ExitCodes.USAGE, "training needs recorded sessions in " + plan.sessionsDir()
                    + ": add the record step (--steps record,…) or give the --out of an earlier demo");
        }
    }

    private void describe(DemoPlan plan, PrintWriter progress) {
        FrameloopLauncher launcher = FrameloopLauncher.current();
        progress.println("demo: " + plan.settings().sessions() + " sessions of " + seconds(plan.settings().sessionDuration())
                + ", experiment runs of " + seconds(plan.settings().runDuration()) + " × " + plan.settings().repeats()
                + " per arm, background " + plan.settings().background() + ", into " + plan.settings().out());
        for (DemoPlan.Stage stage : plan.stages()) {
            if (stage.inGuest()) {
                progress.println("in one sched_ext guest (this kernel has no sched_ext): frameloop "
                        + String.join(" ", plan.vm(stage)) + " frameloop " + String.join(" ", plan.inGuest(stage)));
            }
            for (DemoStep step : stage.steps()) {
                progress.println(header(step) + (stage.inGuest() ? " [guest]" : ""));
                for (List<String> command : commands(plan, step)) {
                    progress.println("  $ frameloop " + String.join(" ", command.stream().map(ExperimentCommand::shellWord).toList()));
                }
            }
        }
        progress.println("(launcher: " + String.join(" ", launcher.command(List.of())) + ")");
        progress.flush();
    }

    private static List<List<String>> commands(DemoPlan plan, DemoStep step) {
        List<List<String>> commands = new ArrayList<>();
        switch (step) {
            case DOCTOR -> commands.add(plan.doctor());
            case RECORD -> commands.add(plan.record(Path.of("SYNTHGAME")));
            case TRAIN_ROLES -> commands.add(plan.trainRoles());
            case TRAIN_FRAMES -> commands.add(plan.trainFrames());
            case EXPERIMENT -> commands.add(plan.experiment());
            case REPORT -> {
            }
        }
        return commands;
    }

    private int runStep(DemoPlan plan, DemoStep step, PrintWriter progress) throws Exception {
        long start = System.nanoTime();
        progress.println(header(step) + " …");
        progress.flush();
        int exit = ExitCodes.OK;
        switch (step) {
            case DOCTOR -> frameloop(plan.doctor(), step, progress);
            case RECORD -> {
                try (SynthgameBinary binary = SynthgameBinary.locate()) {
                    new SessionRecording(plan, binary.synthgame(), FrameloopLauncher.current(), progress).run();
                }
            }
            case TRAIN_ROLES -> frameloop(plan.trainRoles(), step, progress);
            case TRAIN_FRAMES -> {
                long frames = frameTimingRows(plan.sessionsDir());
                if (frames == 0) {
                    progress.println("  skipped: the recorded sessions hold no frame_timing events (no present hook"
                            + " fired), so there is nothing to learn frame misses from");
                } else {
                    frameloop(plan.trainFrames(), step, progress);
                }
            }
            case EXPERIMENT -> {
                int code = inProcess(plan.experiment(), progress);
                if (code == ExitCodes.FAILURE) {
                    progress.println("  some experiment runs failed; the report says which and why");
                    exit = ExitCodes.FAILURE;
                } else if (code != ExitCodes.OK) {
                    throw failed(step, "frameloop experiment exited " + code + " (its message is above)");
                }
            }
            case REPORT -> ExperimentSummary.lines(plan.experimentDir()).forEach(progress::println);
        }
        progress.println(String.format("step %d/%d: done in %s", DemoPlan.number(step), DemoPlan.total(), elapsed(start)));
        progress.flush();
        return exit;
    }

    /** Runs a stage in one guest of {@code frameloop vm}: this demo again there, limited to the stage's steps. */
    private int runGuest(DemoPlan plan, DemoPlan.Stage stage, PrintWriter progress) throws IOException, InterruptedException {
        FileTime started = FileTime.from(Instant.now().minusSeconds(2)); // a shared folder may keep whole seconds
        FrameloopLauncher launcher = FrameloopLauncher.current();
        List<String> argv = new ArrayList<>(launcher.command(plan.vm(stage)));
        argv.addAll(FrameloopLauncher.inGuest().command(plan.inGuest(stage)));
        List<DemoStep> s = stage.steps();
        progress.printf("steps %d-%d run in a sched_ext guest (this kernel has no sched_ext): frameloop vm, booting …%n",
                DemoPlan.number(s.get(0)), DemoPlan.number(s.get(s.size() - 1)));
        progress.flush();
        spec.commandLine().getErr().flush();
        Process guest = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        ChildOutput output = new ChildOutput(guest, progress, spec.commandLine().getErr(), null);
        long start = System.nanoTime();
        while (!guest.waitFor(QUIET_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (output.quietFor().compareTo(QUIET_LIMIT) >= 0) {
                progress.println("  … the guest is working (" + elapsed(start) + " since it started, nothing printed for "
                        + output.quietFor().toSeconds() + " s)");
                progress.flush();
            }
        }
        output.finish();
        int code = guest.exitValue();
        Path results = plan.experimentDir().resolve(ExperimentReport.JSON);
        if (code == ExitCodes.FAILURE && stage.steps().contains(DemoStep.EXPERIMENT) && Files.exists(results)
                && Files.getLastModifiedTime(results).compareTo(started) >= 0) {
            progress.println("  the experiment wrote its report, with failed runs or checks (above); the summary follows");
            return ExitCodes.FAILURE;
        }
        if (code != ExitCodes.OK) {
            throw new UserFacingException(code == ExitCodes.USAGE || code == ExitCodes.UNAVAILABLE ? code : ExitCodes.FAILURE,
                    "the steps in the guest ended with exit " + code + "; what failed is printed above");
        }
        return ExitCodes.OK;
    }

    private void frameloop(List<String> args, DemoStep step, PrintWriter progress) {
        int code = inProcess(args, progress);
        if (code != ExitCodes.OK) {
            throw failed(step, "frameloop " + args.get(0) + " exited " + code + " (its message is above)");
        }
    }

    /** Runs a frameloop command in this JVM, its output with this command's. */
    private int inProcess(List<String> args, PrintWriter progress) {
        progress.println("  $ frameloop " + String.join(" ", args.stream().map(ExperimentCommand::shellWord).toList()));
        progress.flush();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(progress);
        cli.setErr(spec.commandLine().getErr());
        int code = cli.execute(args.toArray(String[]::new));
        spec.commandLine().getErr().flush();
        return code;
    }

    private static UserFacingException failed(DemoStep step, String why) {
        return new UserFacingException(ExitCodes.FAILURE, "step " + DemoPlan.number(step) + "/" + DemoPlan.total() + " ("
                + step.key() + ") failed: " + why);
    }

    /** Frame-timing rows the sessions' manifests count. */
    static long frameTimingRows(Path sessionsDir) throws IOException {
        long rows = 0;
        for (SessionReader session : SessionDirs.open(List.of(sessionsDir))) {
            TableCounts counts = session.manifest().events().get(EventTables.tableName(EventType.FRAME_TIMING));
            rows += counts == null ? 0 : counts.written();
        }
        return rows;
    }

    private static String header(DemoStep step) {
        return "step " + DemoPlan.number(step) + "/" + DemoPlan.total() + ": " + step.title();
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }

    private static String elapsed(long startNs) {
        long s = (System.nanoTime() - startNs) / 1_000_000_000L;
        return s >= 60 ? s / 60 + "m" + String.format("%02ds", s % 60) : s + "s";
    }
}
