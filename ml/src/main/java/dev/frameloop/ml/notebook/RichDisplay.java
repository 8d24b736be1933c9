package dev.frameloop.ml.notebook;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.util.Base64;

/**
 * The kernel's rich views of values: Tablesaw tables as HTML, XChart charts as PNG. Images
 * ({@code RenderedImage}) are PNG already through the base kernel; anything else is its
 * {@code toString()}.
 */
public final class RichDisplay {
    private RichDisplay() {
    }

    public static void registerAll(Renderer renderer) {
        TableHtml tables = new TableHtml();
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, () -> tables.render(table)));
        @SuppressWarnings("rawtypes")
        Class<Chart> chartType = Chart.class;
        renderer.createRegistration(chartType)
                .preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> {
                    Chart<?, ?> c = (Chart<?, ?>) chart;
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(ChartPng.encode(c)));
                    context.getOutputContainer().putText(describe(c));
                });
    }

    /** The plain-text stand-in for a chart: its kind, title and size. */
    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " \"" + chart.getTitle() + "\"";
        return chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "×" + chart.getHeight() + " PNG)";
    }
}
