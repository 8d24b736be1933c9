package dev.frameloop.ml.notebook;

import java.util.List;

/**
 * A cell that did not compile or threw. The message names the cell line; the traceback is
 * what the notebook shows under the cell, one display line per element.
 */
public final class CellEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int cellLine;
    private final List<String> traceback;

    public CellEvaluationException(String message, int cellLine, List<String> traceback) {
        super(message);
        if (cellLine < 1) {
            throw new IllegalArgumentException("cellLine must be >= 1, got " + cellLine);
        }
        this.cellLine = cellLine;
        this.traceback = List.copyOf(traceback);
    }

    /** The line of the cell where the failure happened (1-based). */
    public int cellLine() {
        return cellLine;
    }

    public List<String> traceback() {
        return traceback;
    }
}
