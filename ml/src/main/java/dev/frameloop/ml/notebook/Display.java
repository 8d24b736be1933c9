package dev.frameloop.ml.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.image.RenderedImage;
import java.util.Base64;

/**
 * What a notebook cell calls to show something under the cell before it ends (the cell's
 * last expression is shown anyway): {@code Display.show(table)}, {@code Display.chart(c)},
 * {@code Display.png(bytes)}, {@code Display.html("<b>…</b>")}.
 */
public final class Display {
    private Display() {
    }

    /** Shows a value as its richest view: a table as HTML, a chart or image as PNG, else text. */
    public static void show(Object value) {
        BaseKernel kernel = kernel();
        kernel.display(kernel.getRenderer().render(value));
    }

    public static void html(String html) {
        DisplayData data = new DisplayData("[HTML]");
        data.putHTML(html);
        kernel().display(data);
    }

    /** Shows PNG bytes, e.g. from a plotting library. */
    public static void png(byte[] png) {
        if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("not PNG data (no PNG signature in the first bytes)");
        }
        DisplayData data = new DisplayData("[PNG image, " + png.length + " bytes]");
        data.putData(MIMEType.IMAGE_PNG, Base64.getEncoder().encodeToString(png));
        kernel().display(data);
    }

    public static void image(RenderedImage image) {
        show(image);
    }

    public static void chart(Chart<?, ?> chart) {
        png(ChartPng.encode(chart));
    }

    private static BaseKernel kernel() {
        return NotebookKernel.running().orElseThrow(() ->
                new IllegalStateException("Display works only in a cell run by the frameloop notebook kernel"));
    }
}
