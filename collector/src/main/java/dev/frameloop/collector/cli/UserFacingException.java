package dev.frameloop.collector.cli;

/**
 * A failure whose message is written for the user: what went wrong and what to do.
 * The CLI prints the message (no stack trace) and exits with {@link #exitCode()}.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserFacingException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserFacingException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
