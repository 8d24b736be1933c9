package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.DurationConverter;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Progress when not on a terminal: one line every {@code every}, with each event type that has
 * events: total, events/s since the last line, drops, files, bytes.
 */
final class LogProgress implements RecordProgress {
    private final PrintWriter out;
    private final Duration every;
    private Duration nextAt;
    private Duration lastAt = Duration.ZERO;
    private final Map<String, Long> lastCounts = new HashMap<>();

    LogProgress(PrintWriter out, Duration every) {
        this.out = Objects.requireNonNull(out, "out");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, got " + every);
        }
        this.every = every;
        this.nextAt = every;
    }

    @Override
    public void update(RecordingSnapshot snapshot, Duration elapsed) {
        if (elapsed.compareTo(nextAt) < 0) {
            return;
        }
        nextAt = elapsed.plus(every);
        out.println(line(snapshot, elapsed));
        out.flush();
    }

    String line(RecordingSnapshot snapshot, Duration elapsed) {
        double seconds = Math.max(1e-3, (elapsed.toNanos() - lastAt.toNanos()) / 1e9);
        lastAt = elapsed;
        StringBuilder line = new StringBuilder("after ").append(DurationConverter.format(elapsed.withNanos(0))).append(':');
        boolean any = false;
        for (String table : snapshot.tables()) {
            long total = snapshot.counts().get(table).received();
            long drops = snapshot.dropsOf(table);
            if (total == 0 && drops == 0) {
                continue;
            }
            long before = lastCounts.getOrDefault(table, 0L);
            lastCounts.put(table, total);
            line.append(any ? ";" : "").append(' ').append(table).append(' ').append(total)
                    .append(String.format(Locale.ROOT, " (%.0f/s)", (total - before) / seconds))
                    .append(" drops ").append(drops)
                    .append(" files ").append(snapshot.filesOf(table))
                    .append(' ').append(bytes(snapshot.bytesOf(table)));
            any = true;
        }
        if (!any) {
            line.append(" no events yet");
        }
        return line.toString();
    }

    /** {@code 1.2 MB}: decimal units, as disk sizes are usually read. */
    static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public void close() {
        out.flush();
    }
}
