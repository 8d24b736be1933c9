package dev.frameloop.collector.record;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * How a recording shows what it does while it runs: live progress lines on a terminal
 * ({@link TerminalProgress}), or a log line every few seconds otherwise ({@link LogProgress}).
 */
interface RecordProgress extends AutoCloseable {

    /** Shows the state after {@code elapsed}; called often (every few hundred ms), shows as often as it likes. */
    void update(RecordingSnapshot snapshot, Duration elapsed);

    /** Ends the display (the final report follows). */
    @Override
    void close();

    /** Progress bars when stderr is a terminal, log lines to {@code out} otherwise. */
    static RecordProgress choose(boolean terminal, PrintWriter out, Duration logEvery) {
        return terminal ? new TerminalProgress() : new LogProgress(out, logEvery);
    }
}
