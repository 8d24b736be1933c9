package dev.frameloop.ml.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The numbers of an experiment: per-arm metrics with intervals, and every arm against the baseline. */
public record ExperimentAnalysis(List<ArmResult> arms, List<Comparison> comparisons, Bootstrap bootstrap) {
    public ExperimentAnalysis {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
    }

    public static ExperimentAnalysis of(ExperimentPlan plan, List<RunOutcome> outcomes, Bootstrap bootstrap) {
        List<ArmResult> arms = new ArrayList<>();
        for (Arm arm : plan.arms()) {
            List<RunOutcome> mine = outcomes.stream().filter(o -> o.run().arm().equals(arm)).toList();
            List<RunSample> samples = mine.stream().flatMap(o -> o.groundTruth().stream()).map(GroundTruth::sample)
                    .filter(s -> s.frames() > 0).toList();
            Map<Metric, Interval> intervals = samples.isEmpty() ? Map.of() : bootstrap.intervals(samples);
            arms.add(new ArmResult(arm, mine, samples, intervals));
        }
        List<Comparison> comparisons = new ArrayList<>();
        ArmResult baseline = arms.get(0);
        for (ArmResult other : arms.subList(1, arms.size())) {
            if (!baseline.hasData() || !other.hasData()) {
                continue;
            }
            bootstrap.differences(baseline.samples(), other.samples()).forEach((metric, interval) ->
                    comparisons.add(new Comparison(baseline.arm().name(), other.arm().name(), metric, interval)));
        }
        comparisons.sort(java.util.Comparator.comparing(Comparison::arm).thenComparing(Comparison::metric));
        return new ExperimentAnalysis(arms, comparisons, bootstrap);
    }
}
