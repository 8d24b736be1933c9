package dev.frameloop.ml.experiment;

/** Renders a {@link ReportDocument} as Markdown; text is escaped so that no string becomes HTML or table syntax. */
final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    static String render(ReportDocument doc) {
        StringBuilder md = new StringBuilder("# ").append(text(doc.title())).append("\n\n");
        for (ReportDocument.Block block : doc.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(text(h.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Paragraph p) {
                md.append(text(p.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Facts f) {
                for (String[] row : f.rows()) {
                    md.append("- **").append(text(row[0])).append("**: ").append(text(row[1])).append('\n');
                }
                md.append('\n');
            } else if (block instanceof ReportDocument.Table t) {
                md.append('|');
                t.header().forEach(h -> md.append(' ').append(cell(h)).append(" |"));
                md.append("\n|");
                t.header().forEach(h -> md.append(" --- |"));
                md.append('\n');
                for (var row : t.rows()) {
                    md.append('|');
                    row.forEach(c -> md.append(' ').append(cell(c)).append(" |"));
                    md.append('\n');
                }
                md.append('\n');
            } else if (block instanceof ReportDocument.Preformatted p) {
                md.append("```\n").append(p.text().replace("```", "`\u200b``")).append("\n```\n\n");
            } else if (block instanceof ReportDocument.Image i) {
                md.append("![").append(text(i.caption())).append("](").append(i.file()).append(")\n\n");
            } else if (block instanceof ReportDocument.Link l) {
                md.append("- [").append(text(l.text())).append("](").append(l.target()).append(")\n");
            }
        }
        return md.toString();
    }

    /** Markdown text: HTML special characters as entities, Markdown markup characters backslash-escaped. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '|' -> out.append('\\').append(c);
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String cell(String s) {
        return text(s);
    }
}
