package dev.frameloop.ml.train;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Tribuo logs every epoch and tree through java.util.logging at INFO; the commands show their own progress. */
public final class TribuoLogging {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private TribuoLogging() {
    }

    /** Tribuo's loggers to WARNING. */
    public static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
    }
}
