package dev.frameloop.ml.notebook;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns JShell's compile diagnostics and runtime exceptions into errors that name cell lines. */
public final class CellErrorFormatter {
    private final SnippetOrigins origins;

    public CellErrorFormatter(SnippetOrigins origins) {
        this.origins = origins;
    }

    /** A snippet that did not compile: every error with its cell line, column and a caret under the source. */
    public CellEvaluationException compilation(CellSnippet snippet, List<Diag> errors) {
        if (errors.isEmpty()) {
            return new CellEvaluationException("line " + snippet.firstLine() + ": the snippet was rejected",
                    snippet.firstLine(), List.of("Compilation error at line " + snippet.firstLine()));
        }
        List<String> lines = new ArrayList<>();
        String first = null;
        int firstLine = snippet.firstLine();
        for (Diag d : errors) {
            long pos = d.getPosition() >= 0 ? d.getPosition() : d.getStartPosition();
            int offset = pos < 0 ? 0 : (int) pos;
            int line = snippet.cellLineOf(offset);
            int column = offset - snippet.source().lastIndexOf('\n', offset - 1);
            List<String> message = messageLines(d.getMessage(Locale.ROOT));
            if (first == null) {
                first = "line " + line + ": " + message.get(0);
                firstLine = line;
            }
            lines.add("Compilation error at line " + line + ", column " + column + ": " + message.get(0));
            message.subList(1, message.size()).forEach(m -> lines.add("  " + m.strip()));
            String text = sourceLine(snippet.source(), offset);
            String gutter = String.format("%4d | ", line);
            lines.add(gutter + text);
            lines.add(" ".repeat(gutter.length() - 2) + "| " + " ".repeat(Math.max(column - 1, 0)) + "^");
        }
        return new CellEvaluationException(first, firstLine, lines);
    }

    /** A declaration that still refers to names no cell has declared. */
    public CellEvaluationException unresolved(CellSnippet snippet, String declaration, List<String> missing) {
        String message = "line " + snippet.firstLine() + ": " + declaration + " refers to undeclared " + String.join(", ", missing);
        return new CellEvaluationException(message, snippet.firstLine(), List.of(
                "Compilation error at line " + snippet.firstLine() + ": cannot find symbol",
                "  " + declaration + " refers to undeclared " + String.join(", ", missing)));
    }

    /** A snippet stopped by an interrupt (Jupyter's "interrupt kernel", or nbclient's timeout). */
    public CellEvaluationException interrupted(CellSnippet snippet) {
        String message = "interrupted while running the snippet that starts at line " + snippet.firstLine();
        return new CellEvaluationException(message, snippet.firstLine(), List.of("Interrupted: " + message));
    }

    /** A snippet that threw while running in cell {@code cell}. */
    public CellEvaluationException runtime(CellSnippet snippet, int cell, JShellException thrown) {
        List<String> lines = new ArrayList<>();
        int line = snippet.firstLine();
        boolean located = false;
        Throwable t = thrown;
        StackTraceElement[] enclosing = new StackTraceElement[0];
        String prefix = "";
        while (t != null) {
            lines.add(prefix + describe(t));
            StackTraceElement[] frames = t.getStackTrace();
            int shown = frames.length - framesInCommon(frames, enclosing);
            for (int i = 0; i < shown; i++) {
                StackTraceElement frame = frames[i];
                Optional<SnippetOrigins.CellLine> at = origins.locate(frame);
                if (at.isPresent() && at.get().cell() == cell && !located && t == thrown) {
                    line = at.get().line();
                    located = true;
                }
                lines.add("    at " + frameText(frame, at, cell));
            }
            if (shown < frames.length) {
                lines.add("    ... " + (frames.length - shown) + " more");
            }
            enclosing = frames;
            t = t.getCause();
            prefix = "Caused by: ";
        }
        String message = describe(thrown) + " (at line " + line + ")";
        return new CellEvaluationException(message, line, lines);
    }

    /** How many frames at the bottom of a cause's trace its enclosing trace shows already (as Java's own traces elide them). */
    static int framesInCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return frames.length - 1 - m;
    }

    private String describe(Throwable t) {
        if (t instanceof EvalException e) {
            return e.getMessage() == null ? e.getExceptionClassName() : e.getExceptionClassName() + ": " + e.getMessage();
        }
        if (t instanceof UnresolvedReferenceException u) {
            return "cannot run " + u.getSnippet().source().strip().lines().findFirst().orElse("")
                    + ": it refers to something not declared yet";
        }
        return t.toString();
    }

    private static String frameText(StackTraceElement frame, Optional<SnippetOrigins.CellLine> at, int cell) {
        if (at.isEmpty()) {
            return frame.toString();
        }
        String where = at.get().cell() == cell
                ? "line " + at.get().line()
                : "cell [" + at.get().cell() + "] line " + at.get().line();
        String method = frame.getMethodName();
        String type = frame.getClassName();
        String name = method.isEmpty() ? "" : (type.isEmpty() ? method : type + "." + method);
        return name.isEmpty() ? where : name + " (" + where + ")";
    }

    private static List<String> messageLines(String message) {
        List<String> lines = new ArrayList<>();
        for (String l : message.split("\n")) {
            // JShell's wrapper class has no name: "location: class " says nothing
            if (!l.isBlank() && !l.strip().equals("location: class")) {
                lines.add(l);
            }
        }
        if (lines.isEmpty()) {
            lines.add(message.strip());
        }
        return lines;
    }

    private static String sourceLine(String source, int offset) {
        int start = source.lastIndexOf('\n', offset - 1) + 1;
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }
}
