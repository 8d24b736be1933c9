package dev.frameloop.collector.vm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Follows a text stream of qemu (the guest's serial console, or qemu's own stderr) on a thread of its
 * own: forwards each line to the user without carriage returns, and remembers what the runner needs to
 * explain a failure — the first kernel panic line, the last message of the guest's init, the last line.
 */
final class ConsoleWatcher {
    static final String PANIC = "Kernel panic - not syncing";
    static final String GUEST_PREFIX = "frameloop-guest: ";
    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\]\\s*");
    /** Lines every clean shutdown prints; they would only add noise to the command's output. */
    private static final Pattern SHUTDOWN_NOISE = Pattern.compile("reboot: (Power down|Restarting system)");

    private final Thread thread;
    private final String prefix;
    private volatile String panicLine;
    private volatile String guestError;
    private volatile String lastLine;
    private volatile IOException failure;

    private ConsoleWatcher(InputStream in, PrintStream sink, String prefix, String name) {
        this.prefix = prefix;
        this.thread = new Thread(() -> follow(in, sink), name);
        this.thread.setDaemon(true);
    }

    /** Starts following {@code in}; each forwarded line starts with {@code prefix}. */
    static ConsoleWatcher start(InputStream in, PrintStream sink, String prefix, String name) {
        ConsoleWatcher watcher = new ConsoleWatcher(in, sink, prefix, name);
        watcher.thread.start();
        return watcher;
    }

    private void follow(InputStream in, PrintStream sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String raw;
            while ((raw = reader.readLine()) != null) {
                accept(raw.replace("\r", ""), sink);
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    void accept(String line, PrintStream sink) {
        String message = TIMESTAMP.matcher(line).replaceFirst("");
        if (panicLine == null && message.contains(PANIC)) {
            panicLine = message.strip();
        }
        if (message.startsWith(GUEST_PREFIX) && !message.startsWith(GUEST_PREFIX + "warning:")) {
            guestError = message.substring(GUEST_PREFIX.length()).strip();
        }
        if (SHUTDOWN_NOISE.matcher(message).matches() || line.isEmpty()) {
            return;
        }
        lastLine = message.strip();
        sink.println(prefix + line);
        sink.flush();
    }

    /** Waits until the stream has ended (qemu has exited), at most {@code limit}. */
    void awaitEnd(Duration limit) throws InterruptedException {
        thread.join(limit.toMillis());
        if (failure != null) {
            throw new UncheckedIOException("cannot read from qemu", failure);
        }
    }

    Optional<String> panicLine() {
        return Optional.ofNullable(panicLine);
    }

    Optional<String> guestError() {
        return Optional.ofNullable(guestError);
    }

    Optional<String> lastLine() {
        return Optional.ofNullable(lastLine);
    }
}
