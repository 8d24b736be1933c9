package dev.frameloop.collector.record;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One live progress line per event type (me.tongfei progressbar on stderr): events so far and
 * per second, ring drops, complete files and their bytes.
 */
final class TerminalProgress implements RecordProgress {
    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();

    @Override
    public void update(RecordingSnapshot snapshot, Duration elapsed) {
        for (String table : snapshot.tables()) {
            long received = snapshot.counts().get(table).received();
            ProgressBar bar = bars.computeIfAbsent(table, TerminalProgress::bar);
            bar.stepTo(received);
            bar.setExtraMessage("drops " + snapshot.dropsOf(table) + ", files " + snapshot.filesOf(table) + ", "
                    + LogProgress.bytes(snapshot.bytesOf(table)));
        }
    }

    private static ProgressBar bar(String table) {
        return new ProgressBarBuilder()
                .setTaskName(String.format("%-14s", table))
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" events", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .hideEta()
                .setUpdateIntervalMillis(500)
                .build();
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
    }
}
