package dev.frameloop.collector.record;

import dev.frameloop.collector.sched.SchedExtSysfs;

import java.util.Locale;

/** {@code --mode}: what {@code frameloop record} loads. */
public enum RecordMode {
    /** Scheduler where the kernel has sched_ext, observe otherwise. */
    AUTO,
    /** The gamer sched_ext scheduler and its streams. */
    SCHEDULER,
    /** The probes only; the kernel's own scheduler keeps scheduling. */
    OBSERVE;

    /** {@code scheduler}, as users type it and the manifest says it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode auto picks here, with the sentence that says why. */
    public static Choice choose(RecordMode requested, SchedExtSysfs sysfs) {
        if (requested != AUTO) {
            return new Choice(requested, "mode " + requested.label() + " (as asked)");
        }
        if (sysfs.isPresent()) {
            return new Choice(SCHEDULER, "mode scheduler (auto: this kernel has sched_ext, " + sysfs.root() + ")");
        }
        return new Choice(OBSERVE, "mode observe (auto: this kernel has no sched_ext; run under"
                + " 'frameloop vm --' for scheduler mode)");
    }

    /** Parses {@code auto}, {@code scheduler}, {@code observe}, ignoring case. */
    public static RecordMode parse(String text) {
        for (RecordMode mode : values()) {
            if (mode.label().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; one of: auto, scheduler, observe");
    }

    /** The mode chosen and why. */
    public record Choice(RecordMode mode, String explanation) {
    }
}
