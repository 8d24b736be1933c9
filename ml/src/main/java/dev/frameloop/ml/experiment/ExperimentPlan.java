package dev.frameloop.ml.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an experiment runs: a workload under each arm, for a duration, repeated, with one background load.
 * Runs are interleaved (ABCABC…) so that a drift of the machine over time spreads over all arms alike.
 *
 * @param workload   what runs in each run
 * @param arms       the arms, the first being the baseline the others are compared with
 * @param background the load beside the workload, the same for every run
 * @param duration   how long the workload runs, per run
 * @param repeats    runs per arm
 * @param seed       the seed of the bootstrap (and the base of the workload seeds)
 */
public record ExperimentPlan(Workload workload, List<Arm> arms, BackgroundSpec background, Duration duration,
                             int repeats, long seed) {
    public ExperimentPlan {
        arms = List.copyOf(arms);
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one arm");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
    }

    /** Every run, in the order they happen: repeat 0 of each arm, then repeat 1 of each arm, … */
    public List<PlannedRun> runs() {
        List<PlannedRun> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            for (Arm arm : arms) {
                runs.add(new PlannedRun(runs.size(), arm, r));
            }
        }
        return List.copyOf(runs);
    }

    /** The baseline arm: the first. */
    public Arm baseline() {
        return arms.get(0);
    }
}
