package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.SchedulerExitInfo;
import dev.frameloop.collector.cli.DurationConverter;

import java.time.Duration;
import java.util.Optional;

/** Why a scheduler run ended, in the words {@code frameloop sched} prints. */
public final class StopReason {
    private final String text;
    private final SchedulerExitInfo ejection;

    private StopReason(String text, SchedulerExitInfo ejection) {
        this.text = text;
        this.ejection = ejection;
    }

    /** The --duration ran out. */
    public static StopReason byDuration(Duration duration) {
        return new StopReason("stopped by duration (" + DurationConverter.format(duration) + ")", null);
    }

    /** A signal asked to stop; signal is its name, e.g. "SIGINT". */
    public static StopReason byUser(String signal) {
        return new StopReason("stopped by user (" + signal + ")", null);
    }

    /** The kernel disabled the scheduler; exit is its exit record if the scheduler wrote one. */
    public static StopReason ejected(Optional<SchedulerExitInfo> exit, String state) {
        String why = exit.map(SchedulerExitInfo::describe)
                .orElse("no exit record (sched_ext state is '" + state + "')");
        return new StopReason("ejected by the kernel: " + why, exit.orElse(null));
    }

    /** True when the kernel, not the user, ended the run. */
    public boolean isEjection() {
        return text.startsWith("ejected");
    }

    public Optional<SchedulerExitInfo> ejection() {
        return Optional.ofNullable(ejection);
    }

    @Override
    public String toString() {
        return text;
    }
}
