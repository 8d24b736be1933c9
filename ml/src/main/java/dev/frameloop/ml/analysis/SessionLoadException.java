package dev.frameloop.ml.analysis;

/**
 * A session could not be loaded for analysis: the folder is missing, holds no session, or a
 * file of the session is unreadable. The message names the folder or file and says what to do.
 */
public final class SessionLoadException extends RuntimeException {
    public SessionLoadException(String message) {
        super(message);
    }

    public SessionLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
