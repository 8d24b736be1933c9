package dev.frameloop.ml.features;

import dev.frameloop.core.event.DeadlineMissEvent;
import dev.frameloop.core.event.FrameTimingEvent;
import dev.frameloop.core.event.InputEvent;
import dev.frameloop.core.event.MigrationEvent;
import dev.frameloop.core.event.TaskStatsEvent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Frame features per stream (process and swapchain): on each present, once
 * {@link FeatureSet#FRAME_HISTORY} intervals are known, the frame's features are computed (and
 * readable at once with {@link #lastFeatures()}, for a live prediction); the row is emitted with
 * its labels when the stream's next frame arrives. Events must come in timestamp order.
 */
public final class FrameWindows implements FeatureEvents {
    private final Consumer<FrameRow> sink;
    private final Map<StreamKey, Stream> streams = new HashMap<>();
    /** task_stats samples: time, pid, run time; wake-to-run sums and wakeups in a parallel log. */
    private final TimeLog stats = new TimeLog();
    private final TimeLog wakeToRun = new TimeLog();
    private final TimeLog migrations = new TimeLog();
    private final TimeLog misses = new TimeLog();
    private final TimeLog inputs = new TimeLog();
    private final double[] scratch = new double[FeatureSet.TARGET_HISTORY];
    private double[] lastFeatures;
    private long lastTimestampNs = Long.MIN_VALUE;

    /** Emits labelled rows to {@code sink}. */
    public FrameWindows(Consumer<FrameRow> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void accept(Record event) {
        if (event instanceof FrameTimingEvent e) {
            order(e.timestampNs());
            onFrame(e);
        } else if (event instanceof TaskStatsEvent e) {
            order(e.timestampNs());
            stats.add(e.timestampNs(), e.pid(), e.runTimeNs());
            wakeToRun.add(e.timestampNs(), e.wakeToRunSumNs(), e.wakeups());
        } else if (event instanceof MigrationEvent e) {
            order(e.timestampNs());
            migrations.add(e.timestampNs(), e.tid(), e.pid());
        } else if (event instanceof DeadlineMissEvent e) {
            order(e.timestampNs());
            misses.add(e.timestampNs(), e.tid(), e.pid());
        } else if (event instanceof InputEvent e) {
            order(e.timestampNs());
            inputs.add(e.timestampNs(), 0, 0);
        }
    }

    /** Rows wait for the next frame's label; frames without a successor have none and are dropped. */
    @Override
    public void finish() {
        streams.clear();
    }

    /** Features of the last frame that had enough history (a fresh copy), or null before the first. */
    public double[] lastFeatures() {
        return lastFeatures == null ? null : lastFeatures.clone();
    }

    private void order(long timestampNs) {
        if (timestampNs < lastTimestampNs) {
            throw new IllegalArgumentException("events must come in timestamp order: " + timestampNs + " after "
                    + lastTimestampNs);
        }
        lastTimestampNs = timestampNs;
        long oldest = timestampNs - FeatureSet.FRAME_LOOKBACK_NS;
        stats.evictBefore(oldest);
        wakeToRun.evictBefore(oldest);
        migrations.evictBefore(oldest);
        misses.evictBefore(oldest);
        inputs.evictBefore(oldest);
    }

    private void onFrame(FrameTimingEvent e) {
        Stream s = streams.computeIfAbsent(new StreamKey(e.pid(), e.swapchainId()), k -> new Stream());
        long interval = e.frameIntervalNs();
        if (interval <= 0) {
            s.pending = null;
            return;
        }
        double intervalMs = interval / 1e6;
        boolean missed = s.target > 0
                && (intervalMs > FeatureSet.MISS_FACTOR * s.target || e.vsyncMissed() || e.frameDropped());
        if (s.pending != null) {
            sink.accept(new FrameRow(s.pendingTimestampNs, s.pendingPid, s.pendingTid, s.pendingSwapchain,
                    s.pendingSeq, s.pendingMissed, s.pending, missed, intervalMs));
            s.pending = null;
        }
        s.push(intervalMs, missed);
        s.target = median(s);
        if (s.count >= FeatureSet.FRAME_HISTORY) {
            double[] f = features(s, e);
            s.pending = f;
            s.pendingTimestampNs = e.timestampNs();
            s.pendingPid = e.pid();
            s.pendingTid = e.tid();
            s.pendingSwapchain = e.swapchainId();
            s.pendingSeq = e.frameSeq();
            s.pendingMissed = missed;
            lastFeatures = f;
        }
    }

    private double[] features(Stream s, FrameTimingEvent e) {
        int k = FeatureSet.FRAME_HISTORY;
        double[] f = new double[FeatureSet.FRAME.size()];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            f[i] = s.recent(i);
            sum += f[i];
        }
        double mean = sum / k;
        double squares = 0;
        int recentMisses = 0;
        for (int i = 0; i < k; i++) {
            squares += (f[i] - mean) * (f[i] - mean);
            recentMisses += s.recentMissed(i) ? 1 : 0;
        }
        int j = k;
        f[j++] = mean;
        f[j++] = Math.sqrt(squares / k);
        f[j++] = s.target;
        f[j++] = s.target > 0 ? f[0] / s.target : 0.0;
        f[j++] = recentMisses;
        f[j++] = e.gpuToPresentNs() / 1e6;
        long busyNs = 0;
        long backgroundNs = 0;
        for (int i = 0; i < stats.size(); i++) {
            busyNs += stats.second(i);
            if (stats.first(i) != e.pid()) {
                backgroundNs += stats.second(i);
            }
        }
        f[j++] = (double) busyNs / FeatureSet.FRAME_LOOKBACK_NS;
        f[j++] = (double) backgroundNs / FeatureSet.FRAME_LOOKBACK_NS;
        long wtrSum = 0;
        long wakeups = 0;
        for (int i = 0; i < wakeToRun.size(); i++) {
            wtrSum += wakeToRun.first(i);
            wakeups += wakeToRun.second(i);
        }
        f[j++] = wakeups > 0 ? Math.log1p(wtrSum / 1e3 / wakeups) : 0.0;
        long from = e.timestampNs() - FeatureSet.FRAME_LOOKBACK_NS;
        long to = e.timestampNs() + 1;
        f[j++] = migrations.countBetween(from, to, e.tid());
        f[j++] = misses.countBetween(from, to, e.tid());
        int processMisses = 0;
        for (int i = 0; i < misses.size(); i++) {
            processMisses += misses.second(i) == e.pid() ? 1 : 0;
        }
        f[j++] = processMisses;
        f[j++] = Math.log1p(inputs.size());
        return f;
    }

    private double median(Stream s) {
        int n = Math.min(s.count, FeatureSet.TARGET_HISTORY);
        for (int i = 0; i < n; i++) {
            scratch[i] = s.recent(i);
        }
        Arrays.sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
    }

    private record StreamKey(int pid, long swapchainId) {
    }

    /** One stream's interval history and the row waiting for its label. */
    private static final class Stream {
        final double[] intervals = new double[FeatureSet.TARGET_HISTORY];
        final boolean[] missed = new boolean[FeatureSet.TARGET_HISTORY];
        int count;
        double target;
        double[] pending;
        long pendingTimestampNs;
        int pendingPid;
        int pendingTid;
        long pendingSwapchain;
        long pendingSeq;
        boolean pendingMissed;

        void push(double intervalMs, boolean wasMissed) {
            int slot = count % intervals.length;
            intervals[slot] = intervalMs;
            missed[slot] = wasMissed;
            count++;
        }

        /** The interval {@code age} frames back (0 = newest). */
        double recent(int age) {
            return intervals[Math.floorMod(count - 1 - age, intervals.length)];
        }

        boolean recentMissed(int age) {
            return missed[Math.floorMod(count - 1 - age, missed.length)];
        }
    }
}
