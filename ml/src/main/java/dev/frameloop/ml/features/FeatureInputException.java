package dev.frameloop.ml.features;

/** Sessions cannot give the features a task needs; the message names the session and what to do. */
public class FeatureInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeatureInputException(String message) {
        super(message);
    }
}
