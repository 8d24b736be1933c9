package dev.frameloop.ml.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as plain blocks of text, rendered to Markdown and to HTML by renderers that escape every string:
 * the blocks never hold markup, so text from the system (thread names, paths, kernel strings) stays text.
 */
final class ReportDocument {
    /** A block of the report. */
    sealed interface Block {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** Label: value lines. */
    record Facts(List<String[]> rows) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    record Preformatted(String text) implements Block {
    }

    /** A PNG plot; {@code file} is relative to the report. */
    record Image(String file, String caption, byte[] png) implements Block {
    }

    /** A link to a file or folder relative to the report. */
    record Link(String text, String target) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    ReportDocument(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    ReportDocument add(Block block) {
        blocks.add(block);
        return this;
    }
}
