package dev.frameloop.ml.demo;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The steps of {@code frameloop demo}, in the order they run, each with where it can run. */
public enum DemoStep {
    DOCTOR("doctor", "check what this machine can do (frameloop doctor)", Where.HOST),
    RECORD("record", "record synthgame sessions under background load (frameloop record, gamer scheduler)", Where.SCHED_EXT),
    TRAIN_ROLES("train-roles", "train the thread-role model (frameloop train --task thread-role)", Where.ANY),
    TRAIN_FRAMES("train-frames", "train the frame-miss model (frameloop train --task frame-miss)", Where.ANY),
    EXPERIMENT("experiment", "run the experiment default, gamer, gamer+model (frameloop experiment)", Where.SCHED_EXT),
    REPORT("report", "summarise the experiment and say where its report is", Where.HOST);

    /** Where a step runs when this machine has no sched_ext. */
    public enum Where {
        /** On this machine, always (it looks at this machine, or prints to its user). */
        HOST,
        /** Where sched_ext is: natively, or in the guest of {@code frameloop vm}. */
        SCHED_EXT,
        /** Either: in the guest when the steps around it run there (one guest boot), else here. */
        ANY
    }

    private final String key;
    private final String title;
    private final Where where;

    DemoStep(String key, String title, Where where) {
        this.key = key;
        this.title = title;
        this.where = where;
    }

    /** The step's name in {@code --steps}. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public Where where() {
        return where;
    }

    /** Parses {@code all} or a comma-separated list of step names, e.g. {@code train-roles,experiment}. */
    public static Set<DemoStep> parseList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(DemoStep.class);
        }
        Set<DemoStep> steps = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            DemoStep found = null;
            for (DemoStep s : values()) {
                if (s.key.equals(name)) {
                    found = s;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("step '" + part.trim() + "' is unknown; steps: " + names());
            }
            steps.add(found);
        }
        return EnumSet.copyOf(steps);
    }

    /** Every step's name, in order, comma-separated. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (DemoStep s : values()) {
            b.append(b.length() == 0 ? "" : ",").append(s.key);
        }
        return b.toString();
    }
}
