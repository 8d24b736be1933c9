package dev.frameloop.ml.experiment;

import dev.frameloop.ml.notebook.ChartPng;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's plots as PNG files, by file name: frame-time series, frame-time CDF, a frame-time histogram
 * per arm, the input-to-present latency CDF. Arms without data have no series.
 */
final class ReportCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int MAX_POINTS = 4000;

    private ReportCharts() {
    }

    /** Plot file name → PNG bytes, in the order the report shows them, with a caption each. */
    static Map<String, Plot> draw(List<ArmResult> arms) {
        Map<String, Plot> plots = new LinkedHashMap<>();
        List<ArmResult> withData = arms.stream().filter(ArmResult::hasData).toList();
        if (withData.isEmpty()) {
            return plots;
        }
        plots.put("frame-time-series.png", new Plot("Frame time per frame, first run of each arm", series(withData)));
        plots.put("frame-time-cdf.png", new Plot("Frame-time CDF, all runs of each arm", cdf(withData, false)));
        for (ArmResult arm : withData) {
            plots.put("frame-time-histogram-" + arm.arm().name().replace('+', '_') + ".png",
                    new Plot("Frame-time histogram: " + arm.arm().name(), histogram(arm)));
        }
        if (withData.stream().anyMatch(a -> a.samples().stream().anyMatch(s -> s.inputLatenciesMs().length > 0))) {
            plots.put("input-latency-cdf.png", new Plot("Input-to-present latency CDF, all runs of each arm", cdf(withData, true)));
        }
        return plots;
    }

    /** A plot and its caption. */
    record Plot(String caption, byte[] png) {
    }

    private static byte[] series(List<ArmResult> arms) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Frame time")
                .xAxisTitle("frame").yAxisTitle("frame time (ms)").build();
        chart.getStyler().setMarkerSize(0);
        for (ArmResult arm : arms) {
            double[] y = thin(arm.samples().get(0).frameTimesMs());
            double[] x = new double[y.length];
            double step = (double) arm.samples().get(0).frames() / Math.max(1, y.length);
            for (int i = 0; i < x.length; i++) {
                x[i] = i * step;
            }
            XYSeries s = chart.addSeries(arm.arm().name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        return ChartPng.encode(chart);
    }

    private static byte[] cdf(List<ArmResult> arms, boolean latency) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(latency ? "Input-to-present latency" : "Frame time")
                .xAxisTitle(latency ? "latency (ms)" : "frame time (ms)").yAxisTitle("fraction at or below").build();
        for (ArmResult arm : arms) {
            double[] values = arm.samples().stream()
                    .flatMapToDouble(s -> Arrays.stream(latency ? s.inputLatenciesMs() : s.frameTimesMs())).sorted().toArray();
            if (values.length == 0) {
                continue;
            }
            double[] fraction = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                fraction[i] = (i + 1.0) / values.length;
            }
            XYSeries s = chart.addSeries(arm.arm().name(), thin(values), thin(fraction));
            s.setMarker(SeriesMarkers.NONE);
        }
        return ChartPng.encode(chart);
    }

    private static byte[] histogram(ArmResult arm) {
        double[] values = arm.samples().stream().flatMapToDouble(s -> Arrays.stream(s.frameTimesMs())).toArray();
        double max = Arrays.stream(values).max().orElse(1);
        double min = Arrays.stream(values).min().orElse(0);
        Histogram h = new Histogram(Arrays.stream(values).boxed().toList(), 40, min, max + 1e-9);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Frame times: " + arm.arm().name())
                .xAxisTitle("frame time (ms)").yAxisTitle("frames").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.96);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisLabelRotation(60);
        chart.addSeries(arm.arm().name(), h.getxAxisData(), h.getyAxisData());
        return ChartPng.encode(chart);
    }

    /** At most MAX_POINTS values, evenly picked, so that long runs draw quickly. */
    private static double[] thin(double[] values) {
        if (values.length <= MAX_POINTS) {
            return values;
        }
        double[] out = new double[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            out[i] = values[(int) ((long) i * values.length / MAX_POINTS)];
        }
        return out;
    }
}
