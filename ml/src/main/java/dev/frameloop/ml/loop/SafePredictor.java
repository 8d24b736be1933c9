package dev.frameloop.ml.loop;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Guards the loop against its model: a prediction that throws, is not a probability (NaN, out of
 * range, no role) or takes longer than the budget is discarded, logged and counted; after
 * {@code maxConsecutiveFailures} such predictions in a row the model is switched off for good
 * ({@link #disabled()}), and the loop writes nothing more, so its entries expire and the scheduler's
 * heuristics alone decide. Single thread.
 */
public final class SafePredictor {
    private static final Logger LOG = System.getLogger("dev.frameloop.ml.loop");

    private final RoleModel model;
    private final LongSupplier nanoClock;
    private final long budgetNs;
    private final int maxConsecutiveFailures;
    private long predictions;
    private long errors;
    private long invalid;
    private long slow;
    private int consecutiveFailures;
    private boolean disabled;

    /**
     * @param model                  the model
     * @param nanoClock              monotonic clock the prediction time is measured with
     * @param budgetNs               longest a prediction may take, ns
     * @param maxConsecutiveFailures failures in a row that switch the model off
     */
    public SafePredictor(RoleModel model, LongSupplier nanoClock, long budgetNs, int maxConsecutiveFailures) {
        this.model = Objects.requireNonNull(model, "model");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (budgetNs <= 0 || maxConsecutiveFailures <= 0) {
            throw new IllegalArgumentException("budget and failure limit must be > 0, were " + budgetNs + " ns and "
                    + maxConsecutiveFailures);
        }
        this.budgetNs = budgetNs;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
    }

    /** The model's answer for {@code features} of thread {@code tid}, or null when there is none to trust. */
    public RolePrediction predict(int tid, double[] features) {
        if (disabled) {
            return null;
        }
        long start = nanoClock.getAsLong();
        RolePrediction prediction;
        try {
            prediction = model.predict(features);
        } catch (RuntimeException e) {
            errors++;
            LOG.log(Level.WARNING, "model failed on tid " + tid + ": " + e, e);
            return failed();
        }
        long took = nanoClock.getAsLong() - start;
        predictions++;
        if (prediction == null || !prediction.isValid()) {
            invalid++;
            LOG.log(Level.WARNING, "model gave tid " + tid + " no usable answer: " + prediction);
            return failed();
        }
        if (took > budgetNs) {
            slow++;
            LOG.log(Level.WARNING, "model took " + took / 1000 + " µs for tid " + tid + " (budget "
                    + budgetNs / 1000 + " µs); answer discarded");
            return failed();
        }
        consecutiveFailures = 0;
        return prediction;
    }

    private RolePrediction failed() {
        consecutiveFailures++;
        if (consecutiveFailures >= maxConsecutiveFailures && !disabled) {
            disabled = true;
            LOG.log(Level.ERROR, "model failed " + consecutiveFailures + " times in a row; switched off, the"
                    + " scheduler's heuristics decide alone and the loop's entries expire");
        }
        return null;
    }

    /** Predictions the model returned (valid or not, in time or not). */
    public long predictions() {
        return predictions;
    }

    /** Predictions that threw. */
    public long errors() {
        return errors;
    }

    /** Predictions that were no probability of a role (NaN, out of range, unknown label). */
    public long invalid() {
        return invalid;
    }

    /** Predictions over the time budget. */
    public long slow() {
        return slow;
    }

    /** Whether the model was switched off after too many failures in a row. */
    public boolean disabled() {
        return disabled;
    }
}
