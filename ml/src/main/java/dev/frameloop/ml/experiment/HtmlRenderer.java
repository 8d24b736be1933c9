package dev.frameloop.ml.experiment;

import dev.frameloop.ml.notebook.Html;

import java.util.Base64;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: plots inline as PNG data URIs, inline CSS,
 * no script and nothing fetched from the network. Every string is escaped.
 */
final class HtmlRenderer {
    private static final String CSS = "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}"
            + "th{background:#eee}pre{background:#f6f6f6;padding:.8em;overflow-x:auto}img{max-width:100%}"
            + "td.better{background:#d9f2d9}td.worse{background:#f7d6d6}";

    private HtmlRenderer() {
    }

    static String render(ReportDocument doc) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(Html.escape(doc.title())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n<h1>").append(Html.escape(doc.title())).append("</h1>\n");
        boolean inList = false;
        for (ReportDocument.Block block : doc.blocks()) {
            boolean link = block instanceof ReportDocument.Link;
            if (inList && !link) {
                html.append("</ul>\n");
                inList = false;
            }
            if (block instanceof ReportDocument.Heading h) {
                int level = Math.min(6, h.level());
                html.append("<h").append(level).append('>').append(Html.escape(h.text())).append("</h").append(level).append(">\n");
            } else if (block instanceof ReportDocument.Paragraph p) {
                html.append("<p>").append(Html.escape(p.text())).append("</p>\n");
            } else if (block instanceof ReportDocument.Facts f) {
                html.append("<table>");
                for (String[] row : f.rows()) {
                    html.append("<tr><th>").append(Html.escape(row[0])).append("</th><td>").append(Html.escape(row[1])).append("</td></tr>");
                }
                html.append("</table>\n");
            } else if (block instanceof ReportDocument.Table t) {
                html.append("<table><tr>");
                t.header().forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
                html.append("</tr>\n");
                for (var row : t.rows()) {
                    html.append("<tr>");
                    row.forEach(c -> html.append(cell(c)));
                    html.append("</tr>\n");
                }
                html.append("</table>\n");
            } else if (block instanceof ReportDocument.Preformatted p) {
                html.append("<pre>").append(Html.escape(p.text())).append("</pre>\n");
            } else if (block instanceof ReportDocument.Image i) {
                html.append("<figure><img alt=\"").append(Html.escape(i.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(i.png())).append("\"><figcaption>")
                        .append(Html.escape(i.caption())).append("</figcaption></figure>\n");
            } else if (block instanceof ReportDocument.Link l) {
                if (!inList) {
                    html.append("<ul>\n");
                    inList = true;
                }
                html.append("<li><a href=\"").append(Html.escape(l.target())).append("\">").append(Html.escape(l.text()))
                        .append("</a></li>\n");
            }
        }
        if (inList) {
            html.append("</ul>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String cell(String text) {
        String cls = text.endsWith(Verdict.BETTER.text()) ? " class=\"better\"" : text.endsWith(Verdict.WORSE.text()) ? " class=\"worse\"" : "";
        return "<td" + cls + ">" + Html.escape(text) + "</td>";
    }
}
