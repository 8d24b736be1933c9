package dev.frameloop.ml.train;

import java.io.PrintWriter;
import java.util.Objects;

/** Progress of long work, one line per step with the time since start, to the command's error stream. */
public final class Progress {
    private final PrintWriter out;
    private final long startNs = System.nanoTime();

    public Progress(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A progress writer that says nothing. */
    public static Progress silent() {
        return new Progress(new PrintWriter(PrintWriter.nullWriter()));
    }

    /** Reports one step. */
    public void step(String what) {
        out.printf("[%6.1f s] %s%n", seconds(), what);
        out.flush();
    }

    /** Seconds since this progress started. */
    public double seconds() {
        return (System.nanoTime() - startNs) / 1e9;
    }
}
