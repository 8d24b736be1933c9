package dev.frameloop.collector.cli;

/** The exit codes every frameloop command uses; exceptions map to them in {@code FrameloopMain} only. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The work ran and found a failure (a check failed, a guest command failed). */
    public static final int FAILURE = 1;
    /** Bad options or arguments. */
    public static final int USAGE = 2;
    /** The machine lacks something the command needs (a kernel feature, a package, privileges). */
    public static final int UNAVAILABLE = 3;
    /** An I/O error: a file could not be read or written. */
    public static final int IO_ERROR = 4;
    /** A time limit ran out. */
    public static final int TIMEOUT = 124;
    /** Interrupted by SIGINT before finishing cleanly. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
