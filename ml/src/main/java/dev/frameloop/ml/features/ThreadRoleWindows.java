package dev.frameloop.ml.features;

import dev.frameloop.core.event.DeadlineMissEvent;
import dev.frameloop.core.event.FrameTimingEvent;
import dev.frameloop.core.event.GpuSubmitEvent;
import dev.frameloop.core.event.InputEvent;
import dev.frameloop.core.event.ProcessAction;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.event.TaskStatsEvent;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.event.ThreadClassEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Thread-role features over fixed windows of {@link FeatureSet#THREAD_WINDOW_NS}: events are counted
 * into the window their timestamp falls in; when an event of a later window arrives, every thread
 * that had a task_stats sample in the closing window gets a {@link ThreadRoleRow}, in tid order.
 * Events must come in timestamp order.
 */
public final class ThreadRoleWindows implements FeatureEvents {
    private static final int F_P50 = 0;
    private static final int F_P90 = 1;
    private static final int F_MAX = 2;
    private static final int F_WAKEUPS = 3;
    private static final int F_VOLUNTARY = 4;
    private static final int F_WTR_MEAN = 5;
    private static final int F_WTR_MAX = 6;
    private static final int F_MIGRATIONS = 7;
    private static final int F_SUBMITS = 8;
    private static final int F_PRESENT_SHARE = 9;
    private static final int F_SUBMIT_TO_PRESENT = 10;
    private static final int F_PRESENT_CORR = 11;
    private static final int F_INPUT_CORR = 12;
    private static final int F_MISSES = 13;
    private static final int F_GAME = 14;
    private static final int F_CONFIDENCE = 15;
    private static final int F_HEURISTIC = 16;

    /** A thread without a task_stats sample for this many windows is forgotten (it exited or sleeps). */
    static final int FORGET_AFTER_WINDOWS = 10;

    private final Consumer<ThreadRoleRow> sink;
    private final Map<Integer, ThreadState> threads = new HashMap<>();
    private final Map<Integer, List<ThreadState>> threadsByPid = new HashMap<>();
    private final Map<Integer, TimeLog> presentsByPid = new HashMap<>();
    private final Map<Integer, Integer> windowPresentsByPid = new HashMap<>();
    private final Set<Integer> gamePids = new HashSet<>();
    private final TimeLog inputs = new TimeLog();
    private long window = Long.MIN_VALUE;
    private long lastTimestampNs = Long.MIN_VALUE;

    /** Emits rows to {@code sink}. */
    public ThreadRoleWindows(Consumer<ThreadRoleRow> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void accept(Record event) {
        if (event instanceof TaskStatsEvent e) {
            onTaskStats(e);
        } else if (event instanceof FrameTimingEvent e) {
            onFrame(e);
        } else if (event instanceof GpuSubmitEvent e) {
            advance(e.timestampNs());
            thread(e.pid(), e.tid()).onSubmit(e.timestampNs());
        } else if (event instanceof InputEvent e) {
            advance(e.timestampNs());
            inputs.add(e.timestampNs(), 0, 0);
            inputs.evictBefore(e.timestampNs() - 2 * FeatureSet.THREAD_WINDOW_NS);
        } else if (event instanceof DeadlineMissEvent e) {
            advance(e.timestampNs());
            thread(e.pid(), e.tid()).misses++;
        } else if (event instanceof ThreadClassEvent e) {
            advance(e.timestampNs());
            ThreadState t = thread(e.pid(), e.tid());
            t.eventClass = e.newClass();
            t.confidence = e.confidence() / 1000.0;
            if (t.comm.isEmpty()) {
                t.comm = decode(e.comm());
            }
        } else if (event instanceof ProcessEvent e) {
            advance(e.timestampNs());
            if (e.action() == ProcessAction.EXEC && e.isGame()) {
                gamePids.add(e.pid());
            }
        }
    }

    @Override
    public void finish() {
        closeWindow();
    }

    private void onTaskStats(TaskStatsEvent e) {
        advance(e.timestampNs());
        ThreadState t = thread(e.pid(), e.tid());
        t.comm = decode(e.comm());
        t.statsClass = e.threadClass();
        long sampleEnd = e.windowStartNs() + e.windowNs();
        double runFrac = e.windowNs() > 0 ? Math.min(1.0, (double) e.runTimeNs() / e.windowNs()) : 0.0;
        TimeLog presents = presentsByPid.get(e.pid());
        int presentCount = presents == null ? 0 : presents.countBetween(e.windowStartNs(), sampleEnd);
        int inputCount = inputs.countBetween(e.windowStartNs(), sampleEnd);
        t.addSample(runFrac, e, presentCount, inputCount);
    }

    private void onFrame(FrameTimingEvent e) {
        advance(e.timestampNs());
        presentsByPid.computeIfAbsent(e.pid(), pid -> new TimeLog()).add(e.timestampNs(), 0, 0);
        presentsByPid.get(e.pid()).evictBefore(e.timestampNs() - 2 * FeatureSet.THREAD_WINDOW_NS);
        windowPresentsByPid.merge(e.pid(), 1, Integer::sum);
        thread(e.pid(), e.tid()).presents++;
        List<ThreadState> siblings = threadsByPid.get(e.pid());
        for (ThreadState sibling : siblings) {
            sibling.onProcessPresent(e.timestampNs());
        }
    }

    private ThreadState thread(int pid, int tid) {
        ThreadState t = threads.get(tid);
        if (t == null || t.pid != pid) {
            if (t != null) {
                threadsByPid.get(t.pid).remove(t);
            }
            t = new ThreadState(pid, tid);
            threads.put(tid, t);
            threadsByPid.computeIfAbsent(pid, p -> new ArrayList<>()).add(t);
        }
        return t;
    }

    private void advance(long timestampNs) {
        if (timestampNs < lastTimestampNs) {
            throw new IllegalArgumentException("events must come in timestamp order: " + timestampNs + " after "
                    + lastTimestampNs);
        }
        lastTimestampNs = timestampNs;
        long w = Math.floorDiv(timestampNs, FeatureSet.THREAD_WINDOW_NS);
        if (window == Long.MIN_VALUE) {
            window = w;
        } else if (w > window) {
            closeWindow();
            window = w;
        }
    }

    private void closeWindow() {
        if (window == Long.MIN_VALUE) {
            return;
        }
        long startNs = window * FeatureSet.THREAD_WINDOW_NS;
        Map<Integer, ThreadState> ordered = new TreeMap<>(threads);
        for (ThreadState t : ordered.values()) {
            if (t.samples > 0) {
                int processPresents = windowPresentsByPid.getOrDefault(t.pid, 0);
                sink.accept(new ThreadRoleRow(startNs, t.pid, t.tid, t.comm, t.heuristic(),
                        t.features(processPresents, gamePids.contains(t.pid))));
                t.lastSampleWindow = window;
            } else if (t.lastSampleWindow == Long.MIN_VALUE) {
                t.lastSampleWindow = window;
            } else if (window - t.lastSampleWindow >= FORGET_AFTER_WINDOWS) {
                threads.remove(t.tid);
                List<ThreadState> siblings = threadsByPid.get(t.pid);
                siblings.remove(t);
                if (siblings.isEmpty()) {
                    threadsByPid.remove(t.pid);
                    presentsByPid.remove(t.pid);
                }
            }
            t.reset();
        }
        windowPresentsByPid.clear();
    }

    private static String decode(byte[] comm) {
        int end = 0;
        while (end < comm.length && comm[end] != 0) {
            end++;
        }
        return new String(comm, 0, end, StandardCharsets.UTF_8);
    }

    /** Per-thread accumulators of the open window. */
    private static final class ThreadState {
        final int pid;
        final int tid;
        String comm = "";
        ThreadClass statsClass = ThreadClass.UNKNOWN;
        ThreadClass eventClass;
        double confidence = 1.0;
        long pendingSubmitNs = -1;
        long lastSampleWindow = Long.MIN_VALUE;

        int samples;
        double[] runFracs = new double[16];
        long sampledNs;
        long wakeups;
        long voluntary;
        long involuntary;
        long wakeToRunSumNs;
        long wakeToRunMaxNs;
        long migrations;
        long submits;
        long presents;
        long misses;
        long submitToPresentSumNs;
        long submitToPresentCount;
        final Correlation presentCorrelation = new Correlation();
        final Correlation inputCorrelation = new Correlation();

        ThreadState(int pid, int tid) {
            this.pid = pid;
            this.tid = tid;
        }

        void addSample(double runFrac, TaskStatsEvent e, int presentCount, int inputCount) {
            if (samples == runFracs.length) {
                runFracs = Arrays.copyOf(runFracs, samples * 2);
            }
            runFracs[samples++] = runFrac;
            sampledNs += e.windowNs();
            wakeups += e.wakeups();
            voluntary += e.voluntarySwitches();
            involuntary += e.involuntarySwitches();
            wakeToRunSumNs += e.wakeToRunSumNs();
            wakeToRunMaxNs = Math.max(wakeToRunMaxNs, e.wakeToRunMaxNs());
            migrations += e.migrations();
            presentCorrelation.add(runFrac, presentCount);
            inputCorrelation.add(e.wakeups(), inputCount);
        }

        void onSubmit(long timestampNs) {
            submits++;
            if (pendingSubmitNs < 0) {
                pendingSubmitNs = timestampNs;
            }
        }

        void onProcessPresent(long timestampNs) {
            if (pendingSubmitNs >= 0) {
                long delay = timestampNs - pendingSubmitNs;
                if (delay <= FeatureSet.SUBMIT_TO_PRESENT_CAP_NS) {
                    submitToPresentSumNs += delay;
                    submitToPresentCount++;
                }
                pendingSubmitNs = -1;
            }
        }

        ThreadClass heuristic() {
            return eventClass != null ? eventClass : statsClass;
        }

        double[] features(int processPresents, boolean inGame) {
            double[] f = new double[FeatureSet.THREAD_ROLE.size()];
            double[] sorted = Arrays.copyOf(runFracs, samples);
            Arrays.sort(sorted);
            f[F_P50] = nearestRank(sorted, 0.5);
            f[F_P90] = nearestRank(sorted, 0.9);
            f[F_MAX] = sorted[samples - 1];
            double seconds = sampledNs / 1e9;
            double windowSeconds = FeatureSet.THREAD_WINDOW_NS / 1e9;
            f[F_WAKEUPS] = seconds > 0 ? Math.log1p(wakeups / seconds) : 0.0;
            long switches = voluntary + involuntary;
            f[F_VOLUNTARY] = switches > 0 ? (double) voluntary / switches : 0.0;
            f[F_WTR_MEAN] = wakeups > 0 ? Math.log1p(wakeToRunSumNs / 1e3 / wakeups) : 0.0;
            f[F_WTR_MAX] = Math.log1p(wakeToRunMaxNs / 1e3);
            f[F_MIGRATIONS] = seconds > 0 ? Math.log1p(migrations / seconds) : 0.0;
            f[F_SUBMITS] = Math.log1p(submits / windowSeconds);
            f[F_PRESENT_SHARE] = processPresents > 0 ? (double) presents / processPresents : 0.0;
            f[F_SUBMIT_TO_PRESENT] = submitToPresentCount > 0
                    ? submitToPresentSumNs / 1e6 / submitToPresentCount : 0.0;
            f[F_PRESENT_CORR] = presentCorrelation.value();
            f[F_INPUT_CORR] = inputCorrelation.value();
            f[F_MISSES] = Math.log1p(misses / windowSeconds);
            f[F_GAME] = inGame ? 1.0 : 0.0;
            f[F_CONFIDENCE] = eventClass != null ? confidence : 1.0;
            f[F_HEURISTIC + heuristic().ordinal()] = 1.0;
            return f;
        }

        void reset() {
            samples = 0;
            sampledNs = 0;
            wakeups = 0;
            voluntary = 0;
            involuntary = 0;
            wakeToRunSumNs = 0;
            wakeToRunMaxNs = 0;
            migrations = 0;
            submits = 0;
            presents = 0;
            misses = 0;
            submitToPresentSumNs = 0;
            submitToPresentCount = 0;
            presentCorrelation.reset();
            inputCorrelation.reset();
        }

        private static double nearestRank(double[] sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    /** Pearson correlation from running sums; 0 when either side is constant. */
    static final class Correlation {
        private int n;
        private double sx;
        private double sy;
        private double sxx;
        private double syy;
        private double sxy;

        void add(double x, double y) {
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }

        double value() {
            if (n < 2) {
                return 0.0;
            }
            double cov = sxy - sx * sy / n;
            double vx = sxx - sx * sx / n;
            double vy = syy - sy * sy / n;
            if (vx <= 1e-12 || vy <= 1e-12) {
                return 0.0;
            }
            return Math.max(-1.0, Math.min(1.0, cov / Math.sqrt(vx * vy)));
        }

        void reset() {
            n = 0;
            sx = 0;
            sy = 0;
            sxx = 0;
            syy = 0;
            sxy = 0;
        }
    }
}
