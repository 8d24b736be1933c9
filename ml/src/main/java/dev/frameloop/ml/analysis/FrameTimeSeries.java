package dev.frameloop.ml.analysis;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The frame times of one process, in present order: each present's {@code frame_interval_ns}
 * (the time since the process's previous present), without the first frame of a swapchain, which
 * has none (interval 0).
 */
public final class FrameTimeSeries {
    private final int pid;
    private final long[] presentNs;
    private final long[] frameSeq;
    private final long[] intervalNs;

    private FrameTimeSeries(int pid, long[] presentNs, long[] frameSeq, long[] intervalNs) {
        this.pid = pid;
        this.presentNs = presentNs;
        this.frameSeq = frameSeq;
        this.intervalNs = intervalNs;
    }

    /**
     * The frames of {@code pid} in a {@code frame_timing} table.
     *
     * @throws IllegalArgumentException if the process presented no frame with an interval
     */
    public static FrameTimeSeries of(Table frameTiming, int pid) {
        record Frame(long at, long seq, long interval) {
        }
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < frameTiming.rowCount(); i++) {
            long interval = frameTiming.longColumn("frame_interval_ns").getLong(i);
            if (frameTiming.intColumn("pid").getInt(i) == pid && interval > 0) {
                frames.add(new Frame(frameTiming.longColumn("timestamp_ns").getLong(i),
                        frameTiming.longColumn("frame_seq").getLong(i), interval));
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("process " + pid + " presented no frame with a frame interval");
        }
        frames.sort(Comparator.comparingLong(Frame::at));
        return new FrameTimeSeries(pid,
                frames.stream().mapToLong(Frame::at).toArray(),
                frames.stream().mapToLong(Frame::seq).toArray(),
                frames.stream().mapToLong(Frame::interval).toArray());
    }

    /** The process. */
    public int pid() {
        return pid;
    }

    /** Number of frame times. */
    public int size() {
        return intervalNs.length;
    }

    /** The statistics of these frame times (CapFrameX's definitions, see {@link FrameTimeStats}). */
    public FrameTimeStats stats() {
        return FrameTimeStats.ofNanos(intervalNs);
    }

    /** Columns {@code frame_seq}, {@code t s} (seconds since the first frame time's present) and {@code frame time ms}. */
    public Table table() {
        double[] seconds = new double[presentNs.length];
        double[] ms = new double[presentNs.length];
        for (int i = 0; i < ms.length; i++) {
            seconds[i] = (presentNs[i] - presentNs[0]) / 1e9;
            ms[i] = intervalNs[i] / 1e6;
        }
        return Table.create("frame times of " + pid, LongColumn.create("frame_seq", frameSeq.clone()),
                DoubleColumn.create("t s", seconds), DoubleColumn.create("frame time ms", ms));
    }

    /** The rows of {@link #table()} whose frame time is a stutter (above {@value FrameTimeStats#CAPFRAMEX_STUTTER_FACTOR} × the mean). */
    public Table stutters() {
        Table table = table();
        double threshold = stats().stutterThresholdMs(FrameTimeStats.CAPFRAMEX_STUTTER_FACTOR);
        return table.where(table.doubleColumn("frame time ms").isGreaterThan(threshold))
                .setName("stutters of " + pid + " (frame time > " + String.format(java.util.Locale.ROOT, "%.2f", threshold) + " ms)");
    }

    /** Frame time over time, with the stutter threshold ({@value FrameTimeStats#CAPFRAMEX_STUTTER_FACTOR} × mean) as a line. */
    public XYChart chart() {
        Table table = table();
        double[] t = table.doubleColumn("t s").asDoubleArray();
        XYChart chart = new XYChartBuilder().width(800).height(320)
                .title("frame times of process " + pid).xAxisTitle("time (s)").yAxisTitle("frame time (ms)").build();
        chart.getStyler().setMarkerSize(0);
        chart.addSeries("frame time", t, table.doubleColumn("frame time ms").asDoubleArray());
        double threshold = stats().stutterThresholdMs(FrameTimeStats.CAPFRAMEX_STUTTER_FACTOR);
        XYSeries line = chart.addSeries("stutter threshold", new double[] {t[0], t[t.length - 1]},
                new double[] {threshold, threshold});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }
}
