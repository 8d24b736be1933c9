package dev.frameloop.ml.experiment;

import java.util.List;
import java.util.Map;

/**
 * One arm's results.
 *
 * @param arm       the arm
 * @param outcomes  its runs, in order
 * @param samples   the runs that produced ground truth
 * @param intervals every metric with its interval; empty when no run produced data
 */
public record ArmResult(Arm arm, List<RunOutcome> outcomes, List<RunSample> samples, Map<Metric, Interval> intervals) {
    public ArmResult {
        outcomes = List.copyOf(outcomes);
        samples = List.copyOf(samples);
        intervals = Map.copyOf(intervals);
    }

    public boolean hasData() {
        return !samples.isEmpty();
    }

    public long frames() {
        return outcomes.stream().flatMap(o -> o.groundTruth().stream()).mapToLong(GroundTruth::frames).sum();
    }

    public long underruns() {
        return samples.stream().mapToLong(RunSample::underruns).sum();
    }

    /** The runs' scheduler overhead figures (gamer arms only). */
    public List<SchedOverhead> overheads() {
        return outcomes.stream().flatMap(o -> o.overhead().stream()).toList();
    }

    /** What the runs' recorded sessions say (runs without a readable session are left out). */
    public List<RecordedSession> sessions() {
        return outcomes.stream().flatMap(o -> o.session().stream()).toList();
    }

    public long okRuns() {
        return outcomes.stream().filter(o -> o.status() == RunOutcome.Status.OK).count();
    }
}
