package dev.frameloop.ml.notebook;

/**
 * One complete JShell snippet cut from a notebook cell.
 *
 * @param source    the snippet's source, starting at its first non-blank character
 * @param firstLine the cell line (1-based) on which {@code source} starts
 */
public record CellSnippet(String source, int firstLine) {
    public CellSnippet {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be >= 1, got " + firstLine);
        }
    }

    /** The cell line of a character offset into {@link #source()}. */
    public int cellLineOf(int offsetInSource) {
        int end = Math.min(Math.max(offsetInSource, 0), source.length());
        int line = firstLine;
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The cell line of a 1-based line number inside {@link #source()}. */
    public int cellLineOfSnippetLine(int snippetLine) {
        return firstLine + Math.max(snippetLine, 1) - 1;
    }
}
