package dev.frameloop.ml.notebook;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a cell into the complete snippets JShell evaluates one at a time, remembering the
 * cell line each starts on. Leading blank space is left out of each snippet: JShell numbers
 * the lines of a snippet that starts with blank lines from its first non-blank one.
 */
public final class CellSplitter {
    private final SourceCodeAnalysis analysis;

    public CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    public List<CellSnippet> split(String cell) {
        List<CellSnippet> snippets = new ArrayList<>();
        int offset = 0;
        int line = 1;
        while (offset < cell.length()) {
            int start = skipBlank(cell, offset);
            line += countNewlines(cell, offset, start);
            if (start >= cell.length()) {
                break;
            }
            String rest = cell.substring(start);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return snippets; // only comments remain
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                case UNKNOWN: {
                    // UNKNOWN: an erroneous snippet; evaluating it yields its diagnostics
                    int consumed = rest.length() - info.remaining().length();
                    snippets.add(new CellSnippet(info.source().stripTrailing(), line));
                    line += countNewlines(cell, start, start + consumed);
                    offset = start + consumed;
                    break;
                }
                default: // DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE: the compiler says what is missing
                    snippets.add(new CellSnippet(rest.stripTrailing(), line));
                    return snippets;
            }
        }
        return snippets;
    }

    private static int skipBlank(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int countNewlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
