package dev.frameloop.ml.experiment;

/** An experiment folder whose {@code results.json} is missing or cannot be read. */
public final class ExperimentResultsException extends RuntimeException {
    public ExperimentResultsException(String message) {
        super(message);
    }

    public ExperimentResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
