package dev.frameloop.ml.experiment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How one run went.
 *
 * @param run          the planned run
 * @param dir          its folder (ground truth, logs, run.json, the recorded session)
 * @param status       whether it produced data
 * @param message      what happened, for the report (why not, when it failed)
 * @param groundTruth  the workload's ground truth, when it wrote one
 * @param overhead     what the gamer scheduler cost during the run, for gamer arms where it could be measured
 * @param crossCheck   the recorded frames against the ground truth, when both exist
 */
public record RunOutcome(PlannedRun run, Path dir, Status status, String message, Optional<GroundTruth> groundTruth,
                         Optional<SchedOverhead> overhead, Optional<FrameCrossCheck> crossCheck) {
    /** A run without scheduler overhead figures or cross-check. */
    public RunOutcome(PlannedRun run, Path dir, Status status, String message, Optional<GroundTruth> groundTruth) {
        this(run, dir, status, message, groundTruth, Optional.empty(), Optional.empty());
    }

    /** A run without cross-check. */
    public RunOutcome(PlannedRun run, Path dir, Status status, String message, Optional<GroundTruth> groundTruth,
                      Optional<SchedOverhead> overhead) {
        this(run, dir, status, message, groundTruth, overhead, Optional.empty());
    }

    /** The file of a gamer run that holds the scheduler's closing report (its last lines). */
    public static final String SCHED_SUMMARY = "sched-summary.txt";

    /** A run's end state. */
    public enum Status {
        /** The workload ran to its end. */
        OK,
        /** The run could not run here (e.g. an arm that needs what is missing). */
        UNAVAILABLE,
        /** Something failed: the message says what. */
        FAILED
    }
}
