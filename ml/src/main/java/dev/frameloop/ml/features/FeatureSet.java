package dev.frameloop.ml.features;

import dev.frameloop.core.event.ThreadClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The versioned feature set that training and the live loop share: every feature of both tasks
 * with its unit and derivation, and the window constants they are computed with. Any change to a
 * feature, its order, a window or a label rule is a new {@link #VERSION}; a model records the
 * version it was trained on and refuses rows of another. {@link #markdown()} is the documentation
 * ({@code ml/FEATURES.md} is generated from it and checked by a test).
 */
public final class FeatureSet {
    /** Version of this feature set. */
    public static final int VERSION = 1;

    /** Length of a thread-role window: task_stats samples are grouped into windows this long. */
    public static final long THREAD_WINDOW_NS = 1_000_000_000L;
    /** How far back the frame features look at load, migrations, misses and input. */
    public static final long FRAME_LOOKBACK_NS = 250_000_000L;
    /** How many past frame intervals a frame row carries. */
    public static final int FRAME_HISTORY = 8;
    /** How many past intervals the pacing target (their median) is taken over. */
    public static final int TARGET_HISTORY = 60;
    /** A frame misses when its interval exceeds the pacing target by this factor. */
    public static final double MISS_FACTOR = 1.5;
    /** Upper bound of submit-to-present delays counted (longer ones are not the same frame). */
    public static final long SUBMIT_TO_PRESENT_CAP_NS = 100_000_000L;

    /** Thread-role features, in vector order. */
    public static final List<Feature> THREAD_ROLE = threadRole();
    /** Frame features, in vector order. */
    public static final List<Feature> FRAME = frame();

    private FeatureSet() {
    }

    /** The feature names of a list, in order. */
    public static String[] names(List<Feature> features) {
        return features.stream().map(Feature::name).toArray(String[]::new);
    }

    /** Index of a feature by name. */
    public static int indexOf(List<Feature> features, String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no feature " + name);
    }

    /** Column name of the heuristic-class indicator for a class. */
    public static String heuristicColumn(ThreadClass threadClass) {
        return "heuristic_" + threadClass.name().toLowerCase(Locale.ROOT);
    }

    private static List<Feature> threadRole() {
        List<Feature> f = new ArrayList<>();
        f.add(new Feature("run_frac_p50", "fraction of wall time (0..1)",
                "median over the window's task_stats samples of run_time_ns / window_ns"));
        f.add(new Feature("run_frac_p90", "fraction of wall time (0..1)",
                "90th percentile (nearest rank) of the same per-sample run fractions"));
        f.add(new Feature("run_frac_max", "fraction of wall time (0..1)", "largest per-sample run fraction"));
        f.add(new Feature("wakeups_per_s_log", "ln(1 + wakeups/s)",
                "sum of wakeups over the window's samples divided by the sampled time"));
        f.add(new Feature("voluntary_ratio", "fraction (0..1)",
                "voluntary / (voluntary + involuntary) switches; 0 when the thread never switched"));
        f.add(new Feature("wake_to_run_mean_us_log", "ln(1 + µs)",
                "sum of wake_to_run_sum_ns / sum of wakeups (0 without wakeups)"));
        f.add(new Feature("wake_to_run_max_us_log", "ln(1 + µs)", "largest wake_to_run_max_ns of the window"));
        f.add(new Feature("migrations_per_s_log", "ln(1 + migrations/s)",
                "sum of task_stats migrations divided by the sampled time"));
        f.add(new Feature("gpu_submits_per_s_log", "ln(1 + submits/s)",
                "gpu_submit events issued by this tid in the window, per second of window"));
        f.add(new Feature("present_share", "fraction (0..1)",
                "frame_timing events presented by this tid / those of its process in the window; 0 without presents"));
        f.add(new Feature("submit_to_present_ms", "ms (0..100)",
                "mean delay from this tid's first gpu_submit after a present of its process to the process's next"
                        + " present (delays over 100 ms ignored); 0 without such pairs"));
        f.add(new Feature("present_run_correlation", "Pearson r (-1..1)",
                "correlation over the window's samples between the thread's run fraction and the number of its"
                        + " process's presents in the sample's interval; 0 when undefined"));
        f.add(new Feature("input_wakeup_correlation", "Pearson r (-1..1)",
                "correlation over the window's samples between the thread's wakeups and the number of evdev input"
                        + " events in the sample's interval; 0 when undefined"));
        f.add(new Feature("deadline_misses_per_s_log", "ln(1 + misses/s)",
                "deadline_miss events of this tid in the window, per second of window"));
        f.add(new Feature("in_game_process", "0/1",
                "1 when a process event marked the thread's process as a game (is_game), else 0"));
        f.add(new Feature("heuristic_confidence", "fraction (0..1)",
                "confidence / 1000 of the last thread_class event of the tid; 1 when the class came from task_stats only"));
        for (ThreadClass c : ThreadClass.values()) {
            f.add(new Feature(heuristicColumn(c), "0/1",
                    "1 when the scheduler's class of the thread at the window's end is " + c
                            + " (last thread_class event of the tid, else the thread_class of its last task_stats)"));
        }
        return List.copyOf(f);
    }

    private static List<Feature> frame() {
        List<Feature> f = new ArrayList<>();
        for (int i = 1; i <= FRAME_HISTORY; i++) {
            f.add(new Feature("interval_" + i + "_ms", "ms",
                    i == 1 ? "frame_interval_ns of this frame" : "frame_interval_ns of the frame " + (i - 1)
                            + " before this one, same process and swapchain"));
        }
        f.add(new Feature("interval_mean_ms", "ms", "mean of the last " + FRAME_HISTORY + " intervals"));
        f.add(new Feature("interval_std_ms", "ms", "population standard deviation of the last " + FRAME_HISTORY
                + " intervals"));
        f.add(new Feature("target_ms", "ms", "pacing target: median of the last " + TARGET_HISTORY
                + " intervals of the stream (this one included)"));
        f.add(new Feature("interval_over_target", "ratio", "interval_1_ms / target_ms"));
        f.add(new Feature("recent_misses", "count (0.." + FRAME_HISTORY + ")", "frames among the last "
                + FRAME_HISTORY + " that missed (the label rule applied to each of them)"));
        f.add(new Feature("gpu_to_present_ms", "ms", "gpu_to_present_ns of this frame; 0 when unknown"));
        f.add(new Feature("cpu_busy", "CPUs", "sum of run_time_ns of every task_stats sample ending in the last "
                + FRAME_LOOKBACK_NS / 1_000_000 + " ms, divided by " + FRAME_LOOKBACK_NS / 1_000_000 + " ms"));
        f.add(new Feature("background_busy", "CPUs", "the same, over threads of other processes than the presenter"));
        f.add(new Feature("wake_to_run_mean_us_log", "ln(1 + µs)",
                "sum of wake_to_run_sum_ns / sum of wakeups over those samples: the stand-in for runnable queue"
                        + " depth, which no event carries"));
        f.add(new Feature("render_migrations", "count", "migration events of the presenting tid in the last "
                + FRAME_LOOKBACK_NS / 1_000_000 + " ms"));
        f.add(new Feature("render_deadline_misses", "count", "deadline_miss events of the presenting tid in the last "
                + FRAME_LOOKBACK_NS / 1_000_000 + " ms"));
        f.add(new Feature("process_deadline_misses", "count", "deadline_miss events of the presenting process in the"
                + " last " + FRAME_LOOKBACK_NS / 1_000_000 + " ms"));
        f.add(new Feature("input_events_log", "ln(1 + count)", "evdev input events in the last "
                + FRAME_LOOKBACK_NS / 1_000_000 + " ms"));
        return List.copyOf(f);
    }

    /** The documentation of this feature set, as Markdown. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# frameloop feature set, version ").append(VERSION).append("\n\n");
        md.append("Generated from `dev.frameloop.ml.features.FeatureSet` (a test checks this file matches it).\n");
        md.append("Training (`frameloop train`) and the live loop compute these with the same incremental code\n");
        md.append("(`ThreadRoleWindows`, `FrameWindows`), fed events in timestamp order.\n\n");
        md.append("## Thread-role rows\n\n");
        md.append("One row per thread (tid) and ").append(THREAD_WINDOW_NS / 1_000_000)
                .append(" ms window (aligned to multiples of the window on CLOCK_MONOTONIC),\n")
                .append("built from the events whose timestamp falls in it (a `task_stats` sample counts where it\n")
                .append("ends); it is emitted, for every thread that had a sample, when an event of a later window arrives. Label: the thread's role from the\n")
                .append("session's role rules (`RoleRules`: regular expressions over the thread's comm).\n")
                .append("ALSA activity has no event type in the wire format yet, so no feature measures it.\n\n");
        table(md, THREAD_ROLE);
        md.append("\n## Frame rows\n\n");
        md.append("One row per presented frame (`frame_timing`) of a process and swapchain, once ")
                .append(FRAME_HISTORY).append(" intervals\n")
                .append("are known. Labels, taken from the stream's next frame: `next_miss` (its interval exceeds\n")
                .append(MISS_FACTOR).append(" × `target_ms`, or it has `vsync_missed` or `frame_dropped`) and `next_interval_ms`.\n\n");
        table(md, FRAME);
        return md.toString();
    }

    private static void table(StringBuilder md, List<Feature> features) {
        md.append("| # | feature | unit | derivation |\n| --- | --- | --- | --- |\n");
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            md.append("| ").append(i).append(" | `").append(f.name()).append("` | ").append(f.unit()).append(" | ")
                    .append(f.derivation()).append(" |\n");
        }
    }
}
