package dev.frameloop.ml.train;

/** A model folder cannot be written or read; the message names the folder or file and what to do. */
public class ModelFolderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFolderException(String message) {
        super(message);
    }

    public ModelFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
