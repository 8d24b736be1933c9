package dev.frameloop.ml.notebook;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;

/** An XChart chart drawn to PNG bytes, offline (needs only a headless AWT). */
public final class ChartPng {
    private ChartPng() {
    }

    public static byte[] encode(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart as PNG: " + e.getMessage(), e);
        }
    }
}
