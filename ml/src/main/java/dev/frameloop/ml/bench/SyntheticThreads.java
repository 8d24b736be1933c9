package dev.frameloop.ml.bench;

import dev.frameloop.core.event.TaskStatsEvent;
import dev.frameloop.core.event.ThreadClass;

import java.nio.charset.StandardCharsets;

/**
 * task_stats samples of three made-up thread kinds, with a little seeded jitter per window: a
 * render thread (a few ms of run time per 100 ms, a wakeup per frame), an audio thread (short
 * runs, many wakeups) and a background hog (runs most of the window, preempted). The loop bench
 * trains its default model on them and feeds the render kind to the live features.
 */
final class SyntheticThreads {
    /** Length of a task-stats window, as gamer's default. */
    static final long STATS_WINDOW_NS = 100_000_000L;

    /** The kinds, as thread-role labels. */
    static final ThreadClass[] KINDS = {ThreadClass.RENDER, ThreadClass.AUDIO, ThreadClass.BACKGROUND};

    private static final byte[] COMM = "bench-target".getBytes(StandardCharsets.US_ASCII);

    private SyntheticThreads() {
    }

    /** The sample of thread {@code tid} of kind {@code kind} at {@code timestampNs}; {@code seq} seeds the jitter. */
    static TaskStatsEvent sample(ThreadClass kind, int pid, int tid, long timestampNs, long seq) {
        long h = mix(seq * 31 + kind.ordinal());
        double jitter = 0.8 + 0.4 * ((h & 0xFFFF) / 65535.0);
        long run;
        long wakeups;
        long voluntary;
        long involuntary;
        long wakeToRunEach;
        long migrations;
        switch (kind) {
            case RENDER -> {
                run = (long) (8_000_000 * jitter);
                wakeups = 6;
                voluntary = 6;
                involuntary = 1;
                wakeToRunEach = (long) (20_000 * jitter);
                migrations = 1;
            }
            case AUDIO -> {
                run = (long) (1_000_000 * jitter);
                wakeups = 20;
                voluntary = 20;
                involuntary = 0;
                wakeToRunEach = (long) (5_000 * jitter);
                migrations = 0;
            }
            default -> {
                run = (long) (90_000_000 * jitter);
                wakeups = 1;
                voluntary = 0;
                involuntary = 10;
                wakeToRunEach = (long) (200_000 * jitter);
                migrations = 3;
            }
        }
        return new TaskStatsEvent(0, timestampNs, pid, tid, COMM, timestampNs - STATS_WINDOW_NS, STATS_WINDOW_NS,
                Math.min(run, STATS_WINDOW_NS), wakeToRunEach * wakeups, wakeToRunEach * 3, wakeups, voluntary,
                involuntary, migrations, 0, ThreadClass.UNKNOWN);
    }

    private static long mix(long x) {
        long h = x + 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
