package dev.frameloop.ml.notebook;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table: a caption with its name and size, a header of column
 * names, and its rows; a long table shows its head and tail around an ellipsis row. Every
 * name and value is escaped.
 */
public final class TableHtml {
    /** Tables longer than this show their first and last rows only. */
    public static final int DEFAULT_MAX_ROWS = 40;

    private final int maxRows;

    public TableHtml(int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows must be >= 2, got " + maxRows);
        }
        this.maxRows = maxRows;
    }

    public TableHtml() {
        this(DEFAULT_MAX_ROWS);
    }

    public String render(Table table) {
        int rows = table.rowCount();
        StringBuilder html = new StringBuilder(256 + rows * 32);
        html.append("<table class=\"frameloop-table\">\n<caption>");
        if (table.name() != null && !table.name().isBlank()) {
            html.append(Html.escape(table.name())).append(": ");
        }
        html.append(rows).append(rows == 1 ? " row" : " rows").append(" × ")
                .append(table.columnCount()).append(table.columnCount() == 1 ? " column" : " columns")
                .append("</caption>\n<thead><tr><th></th>");
        for (Column<?> c : table.columns()) {
            html.append("<th>").append(Html.escape(c.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        if (rows <= maxRows) {
            appendRows(html, table, 0, rows);
        } else {
            int head = maxRows / 2;
            int tail = maxRows - head;
            appendRows(html, table, 0, head);
            html.append("<tr><th>…</th>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>…</td>");
            }
            html.append("</tr>\n");
            appendRows(html, table, rows - tail, rows);
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static void appendRows(StringBuilder html, Table table, int from, int to) {
        for (int r = from; r < to; r++) {
            html.append("<tr><th>").append(r).append("</th>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>").append(Html.escape(table.getString(r, c))).append("</td>");
            }
            html.append("</tr>\n");
        }
    }
}
