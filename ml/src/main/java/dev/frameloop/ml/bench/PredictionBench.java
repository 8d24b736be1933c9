package dev.frameloop.ml.bench;

import dev.frameloop.ml.train.LoadedModel;
import org.HdrHistogram.Histogram;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prediction latency of one loaded model, with a reference measured in the same run. Each timed
 * operation takes a feature vector as the live loop holds it ({@code double[]}), builds the Tribuo
 * example the way training does ({@link dev.frameloop.ml.train.Task#example}) and predicts. The
 * reference builds the same example and takes a dot product over its features with fixed weights
 * (a hand-rolled linear score). Model and reference take turns in segments so that foreign load
 * on the machine hits both alike; single operations are timed one by one into HdrHistograms,
 * batches as a whole and divided by the batch size (median over batches).
 */
public final class PredictionBench {
    /** Timed operations per segment before model and reference swap. */
    static final int SEGMENT = 1_000;
    private static final int VECTORS = 4_096;

    private final Options options;
    private double sink;

    /**
     * How much to measure.
     *
     * @param warmup     untimed single predictions (and reference operations) before timing, for the JIT
     * @param iterations timed single predictions (and as many reference operations)
     * @param batches    timed batches
     * @param batchSize  examples per batch
     * @param seed       seed of the feature vectors
     */
    public record Options(int warmup, int iterations, int batches, int batchSize, long seed) {
        /** Checks the counts. */
        public Options {
            if (warmup < 0) {
                throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
            }
            if (iterations < 1 || batches < 1 || batchSize < 1) {
                throw new IllegalArgumentException("iterations, batches and batch size must be >= 1, got "
                        + iterations + ", " + batches + ", " + batchSize);
            }
        }
    }

    /** Percentiles of single-operation latency, ns. */
    public record Latency(long p50Ns, long p99Ns, long p999Ns, long count) {
        static Latency of(Histogram h) {
            return new Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9), h.getTotalCount());
        }
    }

    /**
     * What one model measured.
     *
     * @param single                  single-example latency, feature vector to prediction
     * @param batchNsPerPrediction    median over batches of batch time / batch size
     * @param reference               the reference operation, one at a time
     * @param referenceBatchNsPerOp   the reference over batches, per example
     */
    public record Result(Latency single, double batchNsPerPrediction, Latency reference,
                         double referenceBatchNsPerOp) {
    }

    public PredictionBench(Options options) {
        this.options = options;
    }

    /**
     * Runs a model and its reference untimed for the warmup count. Warming every model before
     * timing any keeps the first one measured from paying for the JIT compiling the code they share.
     */
    public void warmUp(LoadedModel loaded) {
        FeatureVectors vectors = new FeatureVectors(loaded, VECTORS, options.seed());
        single(new ModelPrediction(loaded), vectors, options.warmup(), null);
        single(new DotProductReference(loaded), vectors, options.warmup(), null);
    }

    /** Measures one model, after a warmup of its own. */
    public Result run(LoadedModel loaded) {
        warmUp(loaded);
        FeatureVectors vectors = new FeatureVectors(loaded, VECTORS, options.seed());
        Operation model = new ModelPrediction(loaded);
        Operation reference = new DotProductReference(loaded);
        Histogram modelLatency = new Histogram(3);
        Histogram referenceLatency = new Histogram(3);
        for (int done = 0; done < options.iterations(); done += SEGMENT) {
            int n = Math.min(SEGMENT, options.iterations() - done);
            single(model, vectors, n, modelLatency);
            single(reference, vectors, n, referenceLatency);
        }
        batch(model, vectors, 1);
        batch(reference, vectors, 1);
        double[] modelBatches = new double[options.batches()];
        double[] referenceBatches = new double[options.batches()];
        for (int b = 0; b < options.batches(); b++) {
            modelBatches[b] = batch(model, vectors, b);
            referenceBatches[b] = batch(reference, vectors, b);
        }
        return new Result(Latency.of(modelLatency), median(modelBatches), Latency.of(referenceLatency),
                median(referenceBatches));
    }

    /** A value that depends on every prediction made, so the JIT cannot drop them. */
    double sink() {
        return sink;
    }

    private void single(Operation op, FeatureVectors vectors, int count, Histogram into) {
        double acc = 0;
        for (int i = 0; i < count; i++) {
            double[] values = vectors.get(i);
            long start = System.nanoTime();
            acc += op.single(values);
            long elapsed = System.nanoTime() - start;
            if (into != null) {
                into.recordValue(Math.max(1, elapsed));
            }
        }
        sink += acc;
    }

    private double batch(Operation op, FeatureVectors vectors, int offset) {
        int size = options.batchSize();
        long start = System.nanoTime();
        sink += op.batch(vectors, offset * size, size);
        return (double) (System.nanoTime() - start) / size;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** What is timed: from feature values to a score. */
    private interface Operation {
        double single(double[] values);

        double batch(FeatureVectors vectors, int first, int count);
    }

    private static final class ModelPrediction implements Operation {
        private final LoadedModel loaded;

        ModelPrediction(LoadedModel loaded) {
            this.loaded = loaded;
        }

        @Override
        public double single(double[] values) {
            Prediction<Label> p = loaded.model().predict(loaded.task().example(LabelFactory.UNKNOWN_LABEL, values));
            return p.getOutput().getScore();
        }

        @Override
        public double batch(FeatureVectors vectors, int first, int count) {
            List<Example<Label>> examples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                examples.add(loaded.task().example(LabelFactory.UNKNOWN_LABEL, vectors.get(first + i)));
            }
            double acc = 0;
            for (Prediction<Label> p : loaded.model().predict(examples)) {
                acc += p.getOutput().getScore();
            }
            return acc;
        }
    }

    private static final class DotProductReference implements Operation {
        private final LoadedModel loaded;
        private final double[] weights;

        DotProductReference(LoadedModel loaded) {
            this.loaded = loaded;
            this.weights = new double[loaded.task().features().size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1.0 / (i + 1);
            }
        }

        @Override
        public double single(double[] values) {
            return dot(loaded.task().example(LabelFactory.UNKNOWN_LABEL, values));
        }

        @Override
        public double batch(FeatureVectors vectors, int first, int count) {
            double acc = 0;
            for (int i = 0; i < count; i++) {
                acc += dot(loaded.task().example(LabelFactory.UNKNOWN_LABEL, vectors.get(first + i)));
            }
            return acc;
        }

        private double dot(Example<Label> example) {
            double sum = 0;
            int i = 0;
            for (Feature f : example) {
                sum += weights[i++ % weights.length] * f.getValue();
            }
            return sum;
        }
    }
}
