package dev.frameloop.ml.notebook;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The frameloop Jupyter kernel: Java cells evaluated by JShell inside this JVM, with the
 * project's classes importable, errors that name the cell line, and Tablesaw tables and
 * charts shown as HTML and PNG.
 */
public final class NotebookKernel extends BaseKernel {
    public static final String NAME = "frameloop-java";

    private final CellEvaluator evaluator;

    public NotebookKernel(CellEvaluator evaluator) {
        super(NAME,
                versionOf(NotebookKernel.class),
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                List.of(),
                null,
                new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                null,
                null,
                false,
                new StringStyler.Builder().build());
        this.evaluator = evaluator;
        RichDisplay.registerAll(getRenderer());
    }

    /**
     * Serves the Jupyter connection described by {@code connectionFile} until the client
     * shuts the kernel down. The compiler's class path is this JVM's own.
     */
    public static void serve(Path connectionFile) throws IOException, java.security.GeneralSecurityException {
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        try (CellEvaluator evaluator = CellEvaluator.start(KernelClassPath.current())) {
            NotebookKernel kernel = new NotebookKernel(evaluator);
            JupyterConnection connection = new JupyterConnection(properties);
            kernel.onStartup();
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            connection.waitUntilClose();
        }
    }

    /** The kernel serving this JVM's notebook, between its startup and shutdown. */
    static Optional<BaseKernel> running() {
        return Optional.ofNullable(notebookKernel);
    }

    @Override
    public Object evalRaw(String source) {
        // the base kernel has already counted this request
        int cell = executionCount.get() - 1;
        return evaluator.evaluate(cell, source).orElse(null);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completions c = evaluator.complete(code, at);
        return new ReplacementOptions(c.replacements(), c.start(), at);
    }

    @Override
    public String isComplete(String code) {
        return switch (evaluator.completeness(code)) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    /** A cell error as the notebook shows it: the cell-line traceback, not the kernel's own stack. */
    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellEvaluationException c) {
            return c.traceback();
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString().lines().toList();
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
