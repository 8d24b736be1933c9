package dev.frameloop.ml.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Executes a notebook headless with the Jupyter on PATH (nbclient) and the frameloop kernel
 * of this build, and says which cell failed and why.
 */
public final class NotebookRunner {
    private static final String SCRIPT = "run-notebook.py";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to run: the notebook, its data directory, where to keep the executed copy, the per-cell time limit. */
    public record Request(Path notebook, Optional<Path> dataDir, Optional<Path> output, Duration cellTimeout, String kernelName) {
        public Request {
            if (cellTimeout.isNegative() || cellTimeout.isZero()) {
                throw new IllegalArgumentException("cellTimeout must be positive, got " + cellTimeout);
            }
        }
    }

    public enum Status { OK, CELL_ERROR, TIMEOUT, KERNEL_ERROR }

    /** The first cell that failed: its index among all cells, its execution count and the error it showed. */
    public record CellFailure(int index, Optional<Integer> executionCount, String name, String value, List<String> traceback) {
    }

    /**
     * How the run ended.
     *
     * @param message   nbclient's account for timeouts and kernel errors, empty otherwise
     * @param log       what Python and the kernel printed (their stdout and stderr)
     * @param installed whether the installed kernelspec was used (else a temporary one for this build)
     */
    public record Result(Status status, int codeCells, int executedCells, Optional<Integer> failedCell,
                         Optional<CellFailure> failure, String message, String log, boolean installed, Duration elapsed) {
    }

    private final Map<String, String> env;

    public NotebookRunner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public Result run(Request request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path notebook = request.notebook().toAbsolutePath().normalize();
        int codeCells = countCodeCells(readNotebook(notebook, "notebook"));
        Optional<Path> dataDir = request.dataDir().map(d -> d.toAbsolutePath().normalize());
        if (dataDir.isPresent() && !Files.isDirectory(dataDir.get())) {
            throw new UserFacingException(ExitCodes.USAGE, "--data " + dataDir.get() + " is not a directory");
        }
        Optional<Path> output = request.output().map(o -> o.toAbsolutePath().normalize());
        if (output.isPresent() && !Files.isDirectory(output.get().getParent())) {
            throw new UserFacingException(ExitCodes.USAGE, "--out " + output.get() + ": directory " + output.get().getParent() + " does not exist");
        }
        Jupyter jupyter = Jupyter.find(env).orElseThrow(() -> new UserFacingException(ExitCodes.UNAVAILABLE, Jupyter.MISSING));

        Path work = Files.createTempDirectory("frameloop-notebook-");
        try {
            Map<String, String> childEnv = new HashMap<>(env);
            dataDir.ifPresent(d -> childEnv.put(Notebook.DATA_DIR_ENV, d.toString()));
            boolean installed = useInstalledOrTemporarySpec(request.kernelName(), work, childEnv);
            Path executed = output.orElse(work.resolve("executed.ipynb"));
            Path status = work.resolve("status.json");
            Path log = work.resolve("jupyter.log");
            long timeoutSeconds = Math.max(1, (request.cellTimeout().toMillis() + 999) / 1000);
            ProcessBuilder pb = new ProcessBuilder(jupyter.python().toString(), "-",
                    notebook.toString(), executed.toString(), status.toString(), request.kernelName(),
                    Long.toString(timeoutSeconds), notebook.getParent().toString())
                    .directory(notebook.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().putAll(childEnv);
            Process process = pb.start();
            try {
                try (OutputStream stdin = process.getOutputStream(); InputStream script = scriptSource()) {
                    script.transferTo(stdin);
                }
                process.waitFor();
            } finally {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                }
            }
            String logText = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (!Files.exists(status)) {
                return new Result(Status.KERNEL_ERROR, codeCells, 0, Optional.empty(), Optional.empty(),
                        "the notebook runner stopped before reporting (exit " + process.exitValue() + ")",
                        logText, installed, Duration.ofNanos(System.nanoTime() - start));
            }
            JsonNode report = JSON.readTree(status.toFile());
            String state = report.path("status").asText();
            if (state.equals("missing-jupyter")) {
                throw new UserFacingException(ExitCodes.UNAVAILABLE, Jupyter.MISSING + " (" + report.path("message").asText() + ")");
            }
            Optional<Integer> failedCell = report.path("cell").isInt() ? Optional.of(report.path("cell").asInt()) : Optional.empty();
            JsonNode executedNotebook = Files.exists(executed) ? readNotebook(executed, "executed notebook") : JSON.createObjectNode();
            Status outcome = switch (state) {
                case "ok" -> Status.OK;
                case "cell-error" -> Status.CELL_ERROR;
                case "timeout" -> Status.TIMEOUT;
                default -> Status.KERNEL_ERROR;
            };
            String message = outcome == Status.OK || outcome == Status.CELL_ERROR ? "" : report.path("message").asText();
            return new Result(outcome, codeCells, countExecutedCells(executedNotebook), failedCell,
                    firstFailure(executedNotebook), stripAnsi(message), logText, installed,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * Uses the installed kernelspec when it starts exactly this build's kernel; otherwise puts a
     * spec for this build first on {@code JUPYTER_PATH} in a temporary directory.
     */
    private boolean useInstalledOrTemporarySpec(String name, Path work, Map<String, String> childEnv) throws IOException {
        KernelSpec spec = KernelSpec.forThisBuild(name);
        Optional<List<String>> installedArgv = new JupyterPaths(env).installedKernelJson(name).flatMap(KernelSpec::readArgv);
        if (installedArgv.isPresent() && installedArgv.get().equals(spec.argv())) {
            return true;
        }
        Path dataDir = work.resolve("jupyter");
        Path kernelDir = Files.createDirectories(dataDir.resolve("kernels").resolve(name));
        Files.writeString(kernelDir.resolve("kernel.json"), spec.toJson());
        String previous = env.get("JUPYTER_PATH");
        childEnv.put("JUPYTER_PATH", previous == null || previous.isBlank()
                ? dataDir.toString() : dataDir + java.io.File.pathSeparator + previous);
        return false;
    }

    /** Reads a notebook file, failing with a message a user can act on. */
    static JsonNode readNotebook(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new UserFacingException(ExitCodes.IO_ERROR, what + " " + path + " does not exist or is not a file");
        }
        JsonNode nb;
        try {
            nb = JSON.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new UserFacingException(ExitCodes.USAGE, what + " " + path + " is not a Jupyter notebook: invalid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
        if (nb == null || !nb.isObject() || nb.path("nbformat").asInt(-1) != 4 || !nb.path("cells").isArray()) {
            throw new UserFacingException(ExitCodes.USAGE, what + " " + path
                    + " is not a Jupyter notebook: expected a JSON object with \"nbformat\": 4 and a \"cells\" array");
        }
        return nb;
    }

    private static int countCodeCells(JsonNode nb) {
        int n = 0;
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                n++;
            }
        }
        return n;
    }

    private static int countExecutedCells(JsonNode nb) {
        int n = 0;
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code") && cell.path("execution_count").isInt()) {
                n++;
            }
        }
        return n;
    }

    /** The first error output of the executed notebook. */
    static Optional<CellFailure> firstFailure(JsonNode nb) {
        JsonNode cells = nb.path("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            for (JsonNode out : cell.path("outputs")) {
                if (out.path("output_type").asText().equals("error")) {
                    List<String> traceback = new ArrayList<>();
                    out.path("traceback").forEach(l -> traceback.add(stripAnsi(l.asText())));
                    Optional<Integer> count = cell.path("execution_count").isInt()
                            ? Optional.of(cell.path("execution_count").asInt()) : Optional.empty();
                    return Optional.of(new CellFailure(i, count, out.path("ename").asText(),
                            stripAnsi(out.path("evalue").asText()), traceback));
                }
            }
        }
        return Optional.empty();
    }

    static String stripAnsi(String s) {
        return ANSI.matcher(s).replaceAll("");
    }

    private static InputStream scriptSource() {
        InputStream in = NotebookRunner.class.getResourceAsStream(SCRIPT);
        if (in == null) {
            throw new IllegalStateException("resource " + SCRIPT + " is missing from the frameloop jar");
        }
        return in;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
