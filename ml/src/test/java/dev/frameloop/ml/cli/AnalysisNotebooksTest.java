package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.ml.experiment.Comparison;
import dev.frameloop.ml.experiment.ExperimentAnalysis;
import dev.frameloop.ml.experiment.ExperimentResults;
import dev.frameloop.ml.experiment.FixtureExperiment;
import dev.frameloop.ml.experiment.Metric;
import dev.frameloop.ml.features.RoleRules;
import dev.frameloop.ml.fixture.FixtureDataset;
import dev.frameloop.ml.notebook.TableHtml;
import dev.frameloop.ml.train.EvaluationTables;
import dev.frameloop.ml.train.LabelledRows;
import dev.frameloop.ml.train.Progress;
import dev.frameloop.ml.train.Task;
import dev.frameloop.ml.train.Training;
import dev.frameloop.ml.train.TrainerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes the analysis notebooks headless with Debian's Jupyter against the fixture dataset
 * (written into {@code ml/target/notebook-fixture}) and the fixture experiment (written by the
 * experiment API's report writer into {@code ml/target/notebook-experiment}): every cell must run,
 * and show what the fixtures hold; a missing or corrupt input shows one error, in the cell that
 * loads it. Each run starts a kernel JVM, so each notebook runs once with good input.
 */
class AnalysisNotebooksTest {
    private static final Path ROOT = Path.of(System.getProperty("frameloop.root", "..")).toAbsolutePath().normalize();
    private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    private static final Path FIXTURE = ROOT.resolve("ml/target/notebook-fixture");
    private static final Path EXPERIMENT = ROOT.resolve("ml/target/notebook-experiment");
    private static final Path EXECUTED = ROOT.resolve("ml/target/notebooks-executed");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static ExperimentAnalysis experiment;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void writeFixture() throws IOException {
        deleteRecursively(FIXTURE);
        FixtureDataset.write(FIXTURE);
        deleteRecursively(EXPERIMENT);
        experiment = FixtureExperiment.write(EXPERIMENT);
        Files.createDirectories(EXECUTED);
    }

    @Test
    void shouldExploreTheFixtureSession() throws Exception {
        JupyterAvailability.require();
        Path executed = EXECUTED.resolve("01-explore-session.ipynb");
        Run run = run("01-explore-session.ipynb", FIXTURE, executed);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 of 5 code cells ran without error"), run.out());

        List<JsonNode> results = results(executed);
        assertEquals(5, results.size(), results.toString());
        assertEquals("session " + FixtureDataset.MAIN.value() + " (scheduler, finished on fixture-host): 20.0 s, 1460 events",
                text(results.get(0).path("text/plain")));
        String manifest = text(results.get(1).path("text/plain"));
        assertTrue(manifest.contains("exit:       duration elapsed"), manifest);
        assertTrue(manifest.contains("ring drops: 0, lost: 0"), manifest);
        String counts = text(results.get(2).path("text/html"));
        assertTrue(counts.contains("<td>frame_timing</td><td>1301</td><td>0</td><td>65.05</td>"), counts);
        assertTrue(counts.contains("<td>deadline_miss</td><td>7</td><td>0</td><td>0.35</td>"), counts);
        String threads = text(results.get(3).path("text/html"));
        assertTrue(threads.contains("6 rows × 13 columns"), threads);
        assertTrue(threads.contains("<td>" + FixtureDataset.RENDER_TID + "</td><td>render</td><td>RENDER</td><td>9000</td><td>45</td>"), threads);
        String misses = text(results.get(4).path("text/html"));
        assertTrue(misses.contains("deadline_miss: 7 rows × 9 columns"), misses);
    }

    @Test
    void shouldShowTheFixtureGamesFrameTiming() throws Exception {
        JupyterAvailability.require();
        Path executed = EXECUTED.resolve("02-frame-timing.ipynb");
        Run run = run("02-frame-timing.ipynb", FIXTURE, executed);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 of 5 code cells ran without error"), run.out());

        List<JsonNode> results = results(executed);
        assertEquals(5, results.size(), results.toString());
        assertTrue(text(results.get(0).path("text/html")).contains("<td>" + FixtureDataset.GAME_PID + "</td><td>1201</td>"));
        byte[] png = Base64.getMimeDecoder().decode(text(results.get(1).path("image/png")));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        String summary = text(results.get(2).path("text/html"));
        assertTrue(summary.contains("<td>1% low FPS</td><td>40</td>"), summary);
        assertTrue(summary.contains("<td>0.1% low FPS</td><td>20</td>"), summary);
        String stutters = text(results.get(3).path("text/html"));
        assertTrue(stutters.contains("2 rows × 3 columns"), stutters);
        assertTrue(stutters.contains("<td>401</td>") && stutters.contains("<td>901</td>"), stutters);
        assertEquals("1200 frames, 61.6 FPS average, 1% low 40.0 FPS, 0.1% low 20.0 FPS, 2 stutters",
                text(results.get(4).path("text/plain")));
    }

    @Test
    void shouldTrainOnTheFixtureSessionsAndCompareWithTheBaselines() throws Exception {
        JupyterAvailability.require();
        Path executed = EXECUTED.resolve("03-train-evaluate.ipynb");
        Run run = run("03-train-evaluate.ipynb", FIXTURE, executed);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 of 5 code cells ran without error"), run.out());

        // the same training in process: the notebook must show exactly its tables
        var dataset = EventTables.openDataset(FIXTURE.toString());
        List<SessionReader> sessions = List.of(dataset.session(FixtureDataset.EARLIER), dataset.session(FixtureDataset.MAIN));
        LabelledRows rows = LabelledRows.read(Task.FRAME_MISS, sessions, RoleRules.DEFAULT, Progress.silent());
        Training.Result expected = Training.run(new Training.Options(Task.FRAME_MISS, TrainerKind.LOGISTIC, 1, 2), rows,
                Progress.silent());
        TableHtml html = new TableHtml();

        List<JsonNode> results = results(executed);
        assertEquals(5, results.size(), results.toString());
        assertEquals("2 sessions, " + rows.size() + " labelled rows: " + rows.labelCounts(), text(results.get(0).path("text/plain")));
        assertTrue(text(results.get(1).path("text/html")).contains("<th>next_miss</th>"));
        String confusion = text(results.get(2).path("text/html"));
        assertTrue(confusion.contains("model: rows are the true class, columns the predicted: 2 rows × 3 columns"), confusion);
        assertTrue(confusion.contains("<th>true \\ predicted</th><th>miss</th><th>ok</th>"), confusion);
        assertEquals(html.render(EvaluationTables.confusion(expected.evaluation(), "model")), confusion);
        String scores = text(results.get(3).path("text/html"));
        assertTrue(scores.contains("3 rows × 6 columns"), scores);
        for (String scorer : List.of("model", "majority", "heuristic")) {
            assertTrue(scores.contains("<td>" + scorer + "</td><td>" + rows.size() + "</td>"), scores);
        }
        assertEquals(html.render(EvaluationTables.scores(expected.evaluation())), scores);
        assertEquals(html.render(EvaluationTables.confusion(expected.evaluation(), "heuristic")),
                text(results.get(4).path("text/html")));
    }

    @Test
    void shouldCompareTheFixtureExperimentsArmsWithIntervals() throws Exception {
        JupyterAvailability.require();
        Path executed = EXECUTED.resolve("04-experiment.ipynb");
        Run run = run("04-experiment.ipynb", EXPERIMENT, executed);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 of 5 code cells ran without error"), run.out());

        List<JsonNode> results = results(executed);
        assertEquals(5, results.size(), results.toString());
        String summary = text(results.get(0).path("text/plain"));
        assertTrue(summary.startsWith("experiment " + EXPERIMENT + ": synthgame"), summary);
        assertTrue(summary.contains("arms default, gamer, 2 runs per arm of 5.0 s, 95 % intervals from "
                + FixtureExperiment.RESAMPLES + " bootstrap resamples"), summary);
        String runs = text(results.get(1).path("text/html"));
        assertTrue(runs.contains("<td>gamer</td><td>2</td><td>2</td><td>" + 2 * FixtureExperiment.FRAMES + "</td>"), runs);
        String arms = text(results.get(2).path("text/html"));
        assertTrue(arms.contains("arms: " + 2 * Metric.values().length + " rows × 6 columns"), arms);
        for (String arm : List.of("default", "gamer")) {
            for (Metric m : Metric.values()) {
                assertTrue(arms.contains("<td>" + arm + "</td><td>" + m.label() + "</td><td>" + m.unit() + "</td>"), arm + " " + m);
            }
        }
        byte[] png = Base64.getMimeDecoder().decode(text(results.get(3).path("image/png")));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        String comparisons = text(results.get(4).path("text/html"));
        assertTrue(comparisons.contains(experiment.comparisons().size() + " rows × 7 columns"), comparisons);
        for (Comparison c : experiment.comparisons()) {
            String row = "<td>gamer</td><td>default</td><td>" + c.metric().label() + "</td>";
            int at = comparisons.indexOf(row);
            assertTrue(at >= 0, comparisons);
            String cells = comparisons.substring(at, comparisons.indexOf("</tr>", at));
            assertTrue(cells.endsWith("<td>" + c.verdict().text() + "</td>"), cells);
        }
        assertEquals(new TableHtml().render(ExperimentResults.read(EXPERIMENT).comparisons()), comparisons);
    }

    @Test
    void shouldShowOneClearErrorWhenTheExperimentFolderHasNoResults(@TempDir Path dir) throws Exception {
        JupyterAvailability.require();
        Path executed = dir.resolve("out.ipynb");
        Path data = Files.createDirectories(dir.resolve("experiment"));
        Run run = run("04-experiment.ipynb", data, executed);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertOneErrorInTheLoadingCell(executed, "dev.frameloop.ml.experiment.ExperimentResultsException: no results.json in "
                + data + ": give the --out folder of a finished `frameloop experiment`");
    }

    @Test
    void shouldShowOneClearErrorWhenTheFolderHoldsNoSession(@TempDir Path empty) throws Exception {
        JupyterAvailability.require();
        Path executed = empty.resolve("out.ipynb");
        Path data = Files.createDirectories(empty.resolve("data"));
        Run run = run("01-explore-session.ipynb", data, executed);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertOneErrorInTheLoadingCell(executed, "dev.frameloop.ml.analysis.SessionLoadException: no session in " + data
                + ": a dataset folder holds session=<id> folders");
    }

    @Test
    void shouldShowOneClearErrorWhenAFileOfTheSessionIsCorrupt(@TempDir Path dir) throws Exception {
        JupyterAvailability.require();
        Path data = FixtureDataset.write(dir.resolve("data"));
        Path tableDir = data.resolve("session=" + FixtureDataset.MAIN.value()).resolve("event=task_stats");
        Path part;
        try (Stream<Path> files = Files.list(tableDir)) {
            part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.write(part, new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0});
        Path executed = dir.resolve("out.ipynb");
        Run run = run("02-frame-timing.ipynb", data, executed);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        String error = assertOneErrorInTheLoadingCell(executed, "dev.frameloop.ml.analysis.SessionLoadException: cannot load session "
                + FixtureDataset.MAIN.value() + " from " + data + ": ");
        assertTrue(error.contains(part.getFileName().toString()), error);
        assertTrue(error.contains("`frameloop fsck`"), error);
    }

    @Test
    void shouldRefuseADataFolderThatDoesNotExistBeforeStartingJupyter(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        Run run = run("01-explore-session.ipynb", missing, dir.resolve("out.ipynb"));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--data " + missing + " is not a directory"), run.err());
    }

    /** The executed notebook holds exactly one error output, in the first code cell, and no later cell ran. */
    private static String assertOneErrorInTheLoadingCell(Path executed, String expectedStart) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(executed.toFile()).path("cells");
        List<String> errors = new ArrayList<>();
        int firstCode = -1;
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            if (firstCode < 0) {
                firstCode = i;
            } else {
                assertTrue(cell.path("execution_count").isNull(), "cell " + (i + 1) + " ran after the failing one");
            }
            for (JsonNode out : cell.path("outputs")) {
                if (out.path("output_type").asText().equals("error")) {
                    errors.add(i + ": " + out.path("evalue").asText());
                }
            }
        }
        assertEquals(1, errors.size(), errors.toString());
        String error = errors.get(0);
        assertTrue(error.startsWith(firstCode + ": " + expectedStart), error);
        return error;
    }

    private static Run run(String notebook, Path data, Path executed) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("notebook", "run", NOTEBOOKS.resolve(notebook).toString(), "--data", data.toString(),
                "--out", executed.toString(), "--timeout", "3m");
        return new Run(code, out.toString(), err.toString());
    }

    /** The data of every output, in order. */
    private static List<JsonNode> results(Path executed) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        new ObjectMapper().readTree(executed.toFile()).path("cells").forEach(cell ->
                cell.path("outputs").forEach(o -> results.add(o.path("data"))));
        return results;
    }

    /** nbformat stores multi-line text as an array of lines. */
    private static String text(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        StringBuilder joined = new StringBuilder();
        value.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
