package dev.frameloop.core.ring;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** An {@link ErrorHandler} that logs each error, with the ring it came from, through {@link System.Logger}. */
public final class LoggingErrorHandler implements ErrorHandler {
    private final Logger logger;

    /** Logs to the {@code dev.frameloop.core.ring} logger. */
    public LoggingErrorHandler() {
        this.logger = System.getLogger("dev.frameloop.core.ring");
    }

    @Override
    public void onError(RingReader ring, Throwable error) {
        logger.log(Level.ERROR, "ring '" + ring.name() + "' (id " + ring.ringId() + "): " + error.getMessage(), error);
    }
}
