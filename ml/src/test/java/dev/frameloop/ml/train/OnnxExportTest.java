package dev.frameloop.ml.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.ml.features.FeatureTables;
import dev.frameloop.ml.features.RoleRules;
import dev.frameloop.ml.fixture.FixtureSessions;
import dev.frameloop.ml.fixture.RecordedFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ONNX export of an exportable model computes what the Tribuo model computes, in ONNX Runtime: thread-role
 * on the recorded fixture, frame-miss on synthetic sessions ({@code record} has no frame timing yet).
 */
class OnnxExportTest {
    @TempDir
    Path dir;

    @Test
    void shouldScoreTheFixtureRowsInOnnxRuntimeAsTribuoDoes() throws Exception {
        Path data = dir.resolve("data");
        java.nio.file.Files.createDirectories(data);
        new FixtureSessions(11, 5).write(data, 2);
        Dataset dataset = EventTables.openDataset(data.toString());
        List<SessionReader> frameSessions = new ArrayList<>();
        for (SessionId id : dataset.sessions()) {
            frameSessions.add(dataset.session(id));
        }
        for (Task task : Task.values()) {
            List<SessionReader> sessions = task == Task.THREAD_ROLE ? RecordedFixture.sessions() : frameSessions;
            for (TrainerKind kind : new TrainerKind[] {TrainerKind.LOGISTIC, TrainerKind.FM}) {
                LabelledRows rows = LabelledRows.read(task, sessions, RoleRules.DEFAULT, Progress.silent());
                Training.Result result = Training.run(new Training.Options(task, kind, 4, 2), rows, Progress.silent());
                Path modelDir = dir.resolve(task.cliName() + "-" + kind.cliName());
                ModelStore.write(modelDir, result);
                compare(result, modelDir.resolve(ModelStore.ONNX_FILE), task + " " + kind);
            }
        }
    }

    private static void compare(Training.Result result, Path onnx, String what) throws Exception {
        LabelledRows rows = result.rows();
        ImmutableFeatureMap features = result.model().getFeatureIDMap();
        int width = features.size();
        float[][] input = new float[rows.size()][width];
        for (int i = 0; i < rows.size(); i++) {
            double[] values = FeatureTables.featureVector(rows.table(), i, rows.task().features());
            for (int f = 0; f < values.length; f++) {
                int id = features.getID(rows.task().features().get(f).name());
                if (id >= 0) {
                    input[i][id] = (float) values[f];
                }
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, input);
             OrtSession.Result out = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            float[][] scores = (float[][]) out.get(0).getValue();
            for (int i = 0; i < rows.size(); i++) {
                Prediction<Label> tribuo = result.model().predict(rows.unlabelledExample(i));
                for (Map.Entry<String, Label> score : tribuo.getOutputScores().entrySet()) {
                    int id = result.model().getOutputIDInfo().getID(new Label(score.getKey()));
                    assertEquals(score.getValue().getScore(), scores[i][id], 1e-4,
                            what + " row " + i + " class " + score.getKey());
                }
            }
        }
    }
}
