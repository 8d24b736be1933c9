package dev.frameloop.ml.notebook;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RichDisplayTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static Renderer renderer() {
        Renderer r = new Renderer();
        RichDisplay.registerAll(r);
        return r;
    }

    @Test
    void shouldRenderATableAsEscapedHtmlAndText() {
        Table t = Table.create("t", StringColumn.create("note", new String[] {"<script>"}));
        DisplayData data = renderer().render(t);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th>note</th>"), html);
        assertTrue(html.contains("<td>&lt;script&gt;</td>"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN));
    }

    @Test
    void shouldRenderAChartAsPng() {
        XYChart chart = new XYChartBuilder().width(200).height(100).title("frame time").build();
        chart.addSeries("ms", new double[] {1, 2, 3}, new double[] {16.6, 33.3, 16.7});
        DisplayData data = renderer().render(chart);
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        assertEquals("XYChart \"frame time\" (200×100 PNG)", data.getData(MIMEType.TEXT_PLAIN));
    }
}
