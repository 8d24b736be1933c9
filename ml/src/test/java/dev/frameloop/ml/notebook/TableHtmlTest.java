package dev.frameloop.ml.notebook;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableHtmlTest {
    @Test
    void shouldShowColumnNamesAndEscapedValues() {
        Table t = Table.create("threads & roles",
                IntColumn.create("tid", new int[] {101, 102}),
                StringColumn.create("comm <name>", new String[] {"<script>alert(1)</script>", "render \"main\" & 'x'"}));
        String html = new TableHtml().render(t);
        assertTrue(html.contains("<th>tid</th>"), html);
        assertTrue(html.contains("<th>comm &lt;name&gt;</th>"), html);
        assertTrue(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
        assertTrue(html.contains("<td>render &quot;main&quot; &amp; &#39;x&#39;</td>"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<caption>threads &amp; roles: 2 rows × 2 columns</caption>"), html);
        assertEquals(2, count(body(html), "<tr><th>"), html);
    }

    @Test
    void shouldShowHeadAndTailOfALongTable() {
        Table t = Table.create("long", IntColumn.create("i", IntStream.range(0, 100).toArray()),
                DoubleColumn.create("x", IntStream.range(0, 100).mapToDouble(i -> i * 0.5).toArray()));
        String html = new TableHtml(10).render(t);
        assertEquals(11, count(body(html), "<tr><th>"), html); // 5 head + ellipsis + 5 tail
        assertTrue(html.contains("<tr><th>4</th><td>4</td>"), html);
        assertFalse(html.contains("<tr><th>5</th>"), html);
        assertTrue(html.contains("<tr><th>…</th><td>…</td><td>…</td></tr>"), html);
        assertTrue(html.contains("<tr><th>95</th><td>95</td>"), html);
        assertTrue(html.contains("<tr><th>99</th><td>99</td><td>49.5</td></tr>"), html);
        assertTrue(html.contains("100 rows × 2 columns"), html);
    }

    @Test
    void shouldEscapeEveryMarkupCharacter() {
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;", Html.escape("a<b>&\"'"));
    }

    private static String body(String html) {
        return html.substring(html.indexOf("<tbody>"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
