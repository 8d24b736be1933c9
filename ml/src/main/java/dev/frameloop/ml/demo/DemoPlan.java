package dev.frameloop.ml.demo;

import dev.frameloop.collector.cli.DurationConverter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code frameloop demo} runs, in order, and where: the frameloop commands of each step, the folders they
 * share, and which steps go to one guest of {@code frameloop vm} when this machine has no sched_ext (the steps that
 * need it, and the steps between them, so that the guest boots once).
 *
 * <pre>
 * OUT/sessions/session=&lt;id&gt;/      recorded sessions (frameloop record --mode scheduler)
 * OUT/record/session-N/              synthgame's ground truth and logs of each recorded session
 * OUT/models/thread-role/            frameloop train --task thread-role
 * OUT/models/frame-miss/             frameloop train --task frame-miss
 * OUT/experiment/                    frameloop experiment: report.html, report.md, results.json, runs/
 * </pre>
 */
public final class DemoPlan {
    /** Steps that run together, here or in one guest. */
    public record Stage(boolean inGuest, List<DemoStep> steps) {
        public Stage {
            steps = List.copyOf(steps);
        }
    }

    private static final Duration GUEST_SPARE = Duration.ofMinutes(15);
    private static final Duration PER_SESSION = Duration.ofMinutes(5);
    private static final Duration PER_RUN = Duration.ofMinutes(10);

    private final DemoSettings settings;
    private final List<DemoStep> steps;
    private final boolean schedExt;

    private DemoPlan(DemoSettings settings, List<DemoStep> steps, boolean schedExt) {
        this.settings = settings;
        this.steps = List.copyOf(steps);
        this.schedExt = schedExt;
    }

    /**
     * @param selected the steps to run (they run in their fixed order)
     * @param schedExt whether this machine's kernel has sched_ext
     */
    public static DemoPlan of(DemoSettings settings, Set<DemoStep> selected, boolean schedExt) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no steps to run");
        }
        return new DemoPlan(settings, List.copyOf(new TreeSet<>(selected)), schedExt);
    }

    public DemoSettings settings() {
        return settings;
    }

    public List<DemoStep> steps() {
        return steps;
    }

    /** The steps grouped in stages, in order; without sched_ext, the guest's stage boots one guest. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        List<DemoStep> current = new ArrayList<>();
        boolean currentInGuest = false;
        for (DemoStep step : steps) {
            boolean guest = inGuest(step);
            if (!current.isEmpty() && guest != currentInGuest) {
                stages.add(new Stage(currentInGuest, current));
                current = new ArrayList<>();
            }
            currentInGuest = guest;
            current.add(step);
        }
        stages.add(new Stage(currentInGuest, current));
        return List.copyOf(stages);
    }

    private boolean inGuest(DemoStep step) {
        if (schedExt) {
            return false;
        }
        return switch (step.where()) {
            case HOST -> false;
            case SCHED_EXT -> true;
            case ANY -> steps.stream().anyMatch(s -> s.where() == DemoStep.Where.SCHED_EXT && s.compareTo(step) < 0)
                    && steps.stream().anyMatch(s -> s.where() == DemoStep.Where.SCHED_EXT && s.compareTo(step) > 0);
        };
    }

    /** The step's number in "step N/6", the same whichever steps were selected. */
    public static int number(DemoStep step) {
        return step.ordinal() + 1;
    }

    public static int total() {
        return DemoStep.values().length;
    }

    public Path sessionsDir() {
        return settings.out().resolve("sessions");
    }

    /** Where synthgame writes its ground truth for recorded session {@code index} (0-based). */
    public Path recordRunDir(int index) {
        return settings.out().resolve("record").resolve("session-" + (index + 1));
    }

    public Path roleModel() {
        return settings.out().resolve("models").resolve("thread-role");
    }

    public Path frameModel() {
        return settings.out().resolve("models").resolve("frame-miss");
    }

    public Path experimentDir() {
        return settings.out().resolve("experiment");
    }

    /** {@code frameloop doctor}. */
    public List<String> doctor() {
        return List.of("doctor");
    }

    /**
     * The recorder of one session: the gamer scheduler and the probes, counting synthgame's presents, until it is
     * stopped (SIGTERM) once synthgame has ended: synthgame starts once the recorder reads its rings, and its own
     * start-up (EGL, ALSA, uinput) takes seconds of a TCG guest, so a fixed duration could end before its first frame.
     */
    public List<String> record(Path synthgame) {
        return List.of("record", "--mode", "scheduler", "--game-comm", "synthgame",
                "--frame-hook", synthgame.toAbsolutePath() + ":synthgame_present",
                "--progress-every", "5s", "--out", sessionsDir().toString());
    }

    /** synthgame for one recorded session, seeded by the session's index. */
    public List<String> synthgame(Path binary, int index) {
        return List.of(binary.toString(), "--out", recordRunDir(index).resolve("ground-truth").toString(),
                "--duration", Double.toString(settings.sessionDuration().toMillis() / 1000.0),
                "--seed", Long.toString(settings.seed() + index));
    }

    public List<String> trainRoles() {
        return List.of("train", "--task", "thread-role", "--data", sessionsDir().toString(), "--folds",
                Integer.toString(settings.folds()), "--seed", Long.toString(settings.seed()), "--out", roleModel().toString());
    }

    public List<String> trainFrames() {
        return List.of("train", "--task", "frame-miss", "--data", sessionsDir().toString(), "--folds",
                Integer.toString(settings.folds()), "--seed", Long.toString(settings.seed()), "--out", frameModel().toString());
    }

    /** The experiment, run where this process runs (the guest's demo runs it natively there). */
    public List<String> experiment() {
        return List.of("experiment", "--arms", "default,gamer,gamer+model=" + roleModel(),
                "--background", settings.background().toString(),
                "--duration", DurationConverter.format(settings.runDuration()),
                "--repeats", Integer.toString(settings.repeats()),
                "--seed", Long.toString(settings.seed()),
                "--out", experimentDir().toString());
    }

    /** {@code frameloop vm …} options for a guest stage, up to and including {@code --}. */
    public List<String> vm(Stage stage) {
        return List.of("vm", "--share", settings.out().toString(), "--timeout", DurationConverter.format(guestLimit(stage)), "--");
    }

    /** The demo command the guest runs for a stage: this demo, limited to the stage's steps. */
    public List<String> inGuest(Stage stage) {
        List<String> keys = stage.steps().stream().map(DemoStep::key).toList();
        return List.of("demo", "--out", settings.out().toString(), "--steps", String.join(",", keys),
                "--sessions", Integer.toString(settings.sessions()),
                "--session-duration", DurationConverter.format(settings.sessionDuration()),
                "--duration", DurationConverter.format(settings.runDuration()),
                "--repeats", Integer.toString(settings.repeats()),
                "--background", settings.background().toString(),
                "--seed", Long.toString(settings.seed()));
    }

    /** A generous limit for a guest stage: the work it holds, with room for a slow TCG guest. */
    Duration guestLimit(Stage stage) {
        Duration limit = GUEST_SPARE;
        if (stage.steps().contains(DemoStep.RECORD)) {
            limit = limit.plus(settings.sessionDuration().plus(PER_SESSION).multipliedBy(settings.sessions()));
        }
        if (stage.steps().contains(DemoStep.EXPERIMENT)) {
            limit = limit.plus(settings.runDuration().plus(PER_RUN).multipliedBy(3L * settings.repeats()));
        }
        return limit;
    }
}
