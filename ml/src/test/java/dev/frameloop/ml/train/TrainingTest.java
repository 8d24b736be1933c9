package dev.frameloop.ml.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.ml.features.FeatureInputException;
import dev.frameloop.ml.features.RoleRules;
import dev.frameloop.ml.fixture.FixtureSessions;
import dev.frameloop.ml.fixture.RecordedFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thread-role on the recorded fixture; frame-miss on synthetic sessions ({@code record} has no frame timing yet). */
class TrainingTest {
    @TempDir
    static Path data;
    static List<SessionReader> frameSessions;
    static List<SessionReader> recordedSessions;

    @TempDir
    Path out;

    @BeforeAll
    static void writeFixtureSessions() throws Exception {
        new FixtureSessions(42, 6).write(data, 3);
        Dataset dataset = EventTables.openDataset(data.toString());
        frameSessions = new ArrayList<>();
        for (SessionId id : dataset.sessions()) {
            frameSessions.add(dataset.session(id));
        }
        recordedSessions = RecordedFixture.sessions();
    }

    private static final Map<Task, LabelledRows> ROWS = new java.util.EnumMap<>(Task.class);

    static synchronized LabelledRows rows(Task task) throws Exception {
        if (!ROWS.containsKey(task)) {
            ROWS.put(task, LabelledRows.read(task, task == Task.THREAD_ROLE ? recordedSessions : frameSessions,
                    RoleRules.DEFAULT, Progress.silent()));
        }
        return ROWS.get(task);
    }

    static Training.Result train(Task task, TrainerKind kind, long seed) throws Exception {
        return Training.run(new Training.Options(task, kind, seed, 3), rows(task), Progress.silent());
    }

    @Test
    void shouldGiveIdenticalMetricsAndPredictionsForOneSeed() throws Exception {
        for (Task task : Task.values()) {
            Training.Result first = train(task, TrainerKind.LOGISTIC, 5);
            Training.Result second = train(task, TrainerKind.LOGISTIC, 5);

            assertEquals(first.evaluation(), second.evaluation(), task + " metrics");
            for (int i = 0; i < first.rows().size(); i++) {
                assertTrue(first.model().predict(first.rows().example(i))
                        .distributionEquals(second.model().predict(second.rows().example(i))), task + " row " + i);
            }
        }
    }

    @Test
    void shouldPredictTheSameAfterAProtobufRoundTrip() throws Exception {
        for (Task task : Task.values()) {
            for (TrainerKind kind : new TrainerKind[] {TrainerKind.LOGISTIC, TrainerKind.FM, TrainerKind.CART}) {
                Training.Result result = train(task, kind, 3);
                Path dir = out.resolve(task.cliName() + "-" + kind.cliName());
                ModelStore.write(dir, result);

                LoadedModel loaded = ModelStore.load(dir, task);
                for (int i = 0; i < result.rows().size(); i++) {
                    Prediction<Label> before = result.model().predict(result.rows().unlabelledExample(i));
                    Prediction<Label> after = loaded.model().predict(result.rows().unlabelledExample(i));
                    assertEquals(before.getOutput().getLabel(), after.getOutput().getLabel(), task + " " + kind + " row " + i);
                    assertTrue(before.distributionEquals(after), task + " " + kind + " row " + i);
                }
            }
        }
    }

    @Test
    void shouldWriteTheCardWithSessionsSeedBaselinesAndOnnxOnlyWhereTribuoExports() throws Exception {
        JsonNode linear = ModelStore.write(out.resolve("fm"), train(Task.FRAME_MISS, TrainerKind.FM, 9));
        JsonNode tree = ModelStore.write(out.resolve("cart"), train(Task.THREAD_ROLE, TrainerKind.CART, 9));

        assertEquals(3, linear.path("sessions").size());
        assertEquals(9, linear.path("seed").asInt());
        assertEquals("frame-miss", linear.path("task").asText());
        assertTrue(Files.size(out.resolve("fm").resolve(ModelStore.ONNX_FILE)) > 0);
        assertTrue(linear.path("evaluation").path("model").path("roc_auc").path("ci95").size() == 2);
        assertTrue(linear.path("evaluation").path("baselines").has("heuristic"));
        assertTrue(linear.path("evaluation").path("baselines").has("majority"));
        assertFalse(Files.exists(out.resolve("cart").resolve(ModelStore.ONNX_FILE)));
        assertTrue(tree.path("files").path("onnx").isNull());
        assertTrue(tree.path("files").path("onnx_note").asText().contains("not trees"));
        String md = Files.readString(out.resolve("cart").resolve(ModelCard.MARKDOWN));
        assertTrue(md.contains("baseline: heuristic"), md);
        assertTrue(md.contains("Verdict on macro_f1"), md);
    }

    @Test
    void shouldRefuseAModelFolderOfAnotherTask() throws Exception {
        Path dir = out.resolve("frame-miss");
        ModelStore.write(dir, train(Task.FRAME_MISS, TrainerKind.CART, 1));

        ModelFolderException e = assertThrows(ModelFolderException.class, () -> ModelStore.load(dir, Task.THREAD_ROLE));
        assertTrue(e.getMessage().contains("holds a frame-miss model, not a thread-role model"), e.getMessage());
    }

    @Test
    void shouldNameASessionWithoutLabelsForTheTask() {
        RoleRules nothing = new RoleRules(List.of(new RoleRules.Rule(Pattern.compile("no-thread-is-called-this"),
                ThreadClass.INPUT)));
        FeatureInputException e = assertThrows(FeatureInputException.class,
                () -> Task.THREAD_ROLE.labelledRows(recordedSessions.get(0), nothing));
        assertTrue(e.getMessage().contains("session " + recordedSessions.get(0).id() + " has no thread a role rule names"),
                e.getMessage());
    }

    @Test
    void shouldAgreeWithTribuosPerClassF1() throws Exception {
        Training.Result result = train(Task.THREAD_ROLE, TrainerKind.CART, 2);
        LabelledRows rows = result.rows();
        List<Prediction<Label>> predictions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            predictions.add(result.model().predict(rows.example(i)));
        }
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(result.model(), predictions,
                rows.dataset(s -> true).getProvenance());
        Predictions ours = new Predictions(rows, Training.classes(rows));
        for (int i = 0; i < rows.size(); i++) {
            ours.predict(result.model(), rows, i);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>)
                Metrics.report(ours.scored(), -1, 1).get("per_class");
        for (String label : rows.labels()) {
            assertEquals(tribuo.f1(new Label(label)), (Double) perClass.get(label).get("f1"), 1e-6, label);
        }
        assertEquals(tribuo.accuracy(), Metrics.accuracy(ours.scored(), java.util.stream.IntStream.range(0, rows.size())
                .toArray()), 1e-9);
    }

    @Test
    void shouldAgreeWithTribuosRocAuc() throws Exception {
        Training.Result result = train(Task.FRAME_MISS, TrainerKind.LOGISTIC, 2);
        LabelledRows rows = result.rows();
        List<Prediction<Label>> predictions = new ArrayList<>();
        Predictions ours = new Predictions(rows, Training.classes(rows));
        for (int i = 0; i < rows.size(); i++) {
            predictions.add(ours.predict(result.model(), rows, i));
        }
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(result.model(), predictions,
                rows.dataset(s -> true).getProvenance());
        int positive = Training.classes(rows).indexOf("miss");
        int[] all = java.util.stream.IntStream.range(0, rows.size()).toArray();
        assertEquals(tribuo.AUCROC(new Label("miss")), Metrics.rocAuc(ours.scored(), all, positive), 1e-9);
        assertEquals(tribuo.averagedPrecision(new Label("miss")), Metrics.averagePrecision(ours.scored(), all, positive),
                1e-6);
    }

}
