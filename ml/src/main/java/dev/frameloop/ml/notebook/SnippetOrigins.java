package dev.frameloop.ml.notebook;

import jdk.jshell.Snippet;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each JShell snippet came from: the cell (by execution count) and the cell line it
 * starts on. JShell names a snippet's frames in stack traces {@code #<snippet id>} with the
 * line inside the snippet; this turns them back into cell lines.
 */
public final class SnippetOrigins {
    /** A position in the notebook: the cell's execution count and a line of that cell. */
    public record CellLine(int cell, int line) {
    }

    private record Origin(int cell, CellSnippet snippet) {
    }

    private final Map<String, Origin> bySnippetId = new HashMap<>();

    public void record(Snippet snippet, int cell, CellSnippet source) {
        bySnippetId.put(snippet.id(), new Origin(cell, source));
    }

    /** The cell line of a stack frame, when the frame is in code a cell defined. */
    public Optional<CellLine> locate(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return Optional.empty();
        }
        Origin origin = bySnippetId.get(file.substring(1));
        if (origin == null) {
            return Optional.empty();
        }
        return Optional.of(new CellLine(origin.cell(), origin.snippet().cellLineOfSnippetLine(frame.getLineNumber())));
    }
}
