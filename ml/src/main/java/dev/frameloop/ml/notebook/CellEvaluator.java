package dev.frameloop.ml.notebook;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JShell session that evaluates notebook cells: state carries over from cell to cell,
 * errors name the cell line, and the last expression's value comes back as an object.
 */
public final class CellEvaluator implements AutoCloseable {
    /** Imports every session starts with. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import dev.frameloop.ml.notebook.Display;",
            "import dev.frameloop.ml.notebook.Notebook;");

    private final JShell shell;
    private final InProcessExecutionControl control;
    private final CellSplitter splitter;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final CellErrorFormatter errors = new CellErrorFormatter(origins);

    private CellEvaluator(JShell shell, InProcessExecutionControl control) {
        this.shell = shell;
        this.control = control;
        this.splitter = new CellSplitter(shell.sourceCodeAnalysis());
    }

    /**
     * Starts a session whose compiler sees {@code classPath} (the snippets' classes load from
     * the kernel's own class loader, which must hold the same classes).
     */
    public static CellEvaluator start(List<Path> classPath) {
        InProcessEngine engine = new InProcessEngine();
        JShell shell = JShell.builder().executionEngine(engine, Map.of()).build();
        for (Path p : classPath) {
            shell.addToClasspath(p.toAbsolutePath().toString());
        }
        CellEvaluator evaluator = new CellEvaluator(shell, engine.created);
        for (String imp : DEFAULT_IMPORTS) {
            evaluator.evaluate(0, imp);
        }
        return evaluator;
    }

    /**
     * Evaluates one cell, snippet by snippet, stopping at the first error.
     *
     * @param cell   the cell's execution count (names other cells in stack traces)
     * @param source the cell's code
     * @return the value of the cell's last snippet when it is an expression with a non-null value
     * @throws CellEvaluationException when a snippet does not compile or throws
     */
    public Optional<Object> evaluate(int cell, String source) {
        Object value = null;
        Map<DeclarationSnippet, CellSnippet> pending = new LinkedHashMap<>();
        for (CellSnippet snippet : splitter.split(source)) {
            value = evaluateSnippet(cell, snippet, pending);
        }
        for (Map.Entry<DeclarationSnippet, CellSnippet> p : pending.entrySet()) {
            DeclarationSnippet d = p.getKey();
            if (shell.status(d) == Snippet.Status.RECOVERABLE_DEFINED || shell.status(d) == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
                throw errors.unresolved(p.getValue(), describe(d), missing);
            }
        }
        return Optional.ofNullable(value);
    }

    private Object evaluateSnippet(int cell, CellSnippet snippet, Map<DeclarationSnippet, CellSnippet> pending) {
        List<SnippetEvent> events = shell.eval(snippet.source());
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("JShell reported no event for: " + snippet.source()));
        Snippet s = main.snippet();
        Object value = control.takeLastValue();
        if (control.takeStopped()) {
            throw errors.interrupted(snippet);
        }
        if (main.status() == Snippet.Status.REJECTED) {
            List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).collect(Collectors.toCollection(ArrayList::new));
            throw errors.compilation(snippet, diags);
        }
        origins.record(s, cell, snippet);
        if (main.exception() != null) {
            throw errors.runtime(snippet, cell, main.exception());
        }
        if (s instanceof DeclarationSnippet d
                && (main.status() == Snippet.Status.RECOVERABLE_DEFINED || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
            pending.put(d, snippet); // a later snippet of this cell may declare what it needs
        }
        boolean expression = s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || s.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND;
        return expression ? value : null;
    }

    private static String describe(DeclarationSnippet d) {
        String kind = d.kind().name().toLowerCase(Locale.ROOT);
        return kind + " " + d.name();
    }

    /** The JShell completions at {@code cursor}, and where the replaced text starts. */
    public Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> names = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .sorted(Comparator.comparing((SourceCodeAnalysis.Suggestion s) -> !s.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new Completions(names, anchor[0]);
    }

    /** The completions of a prefix: replacement texts and the offset where replacement starts. */
    public record Completions(List<String> replacements, int start) {
    }

    /** Whether the code is a complete snippet sequence, for consoles that ask before running. */
    public SourceCodeAnalysis.Completeness completeness(String code) {
        String rest = code;
        SourceCodeAnalysis.Completeness last = SourceCodeAnalysis.Completeness.EMPTY;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            last = info.completeness();
            if (!last.isComplete() || info.remaining().length() >= rest.length()) {
                return last;
            }
            rest = info.remaining();
        }
        return last;
    }

    /** Asks the running snippet to stop (interrupts its thread). */
    public void interrupt() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Hands JShell the in-process engine and keeps it for the evaluator. */
    private static final class InProcessEngine implements ExecutionControlProvider {
        private InProcessExecutionControl created;

        @Override
        public String name() {
            return "frameloop-in-process";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            if (created != null) {
                throw new IllegalStateException("one JShell session per engine");
            }
            created = new InProcessExecutionControl();
            return created;
        }
    }
}
