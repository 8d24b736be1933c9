package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.ml.features.RoleRules;
import dev.frameloop.ml.fixture.PartRewriter;
import dev.frameloop.ml.fixture.RecordedFixture;
import org.apache.avro.generic.GenericRecord;
import dev.frameloop.ml.train.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path otherData;
    static Path model;

    @TempDir
    Path dir;


    /** Trains on the first two recorded sessions; the third is the other data. */
    @BeforeAll
    static void trainOnTheRecordedFixture() throws Exception {
        List<SessionId> ids = RecordedFixture.ids();
        data = RecordedFixture.copy(shared.resolve("data"), ids.get(0), ids.get(1));
        otherData = RecordedFixture.copy(shared.resolve("other"), ids.get(2));
        model = shared.resolve("model");
        CliRun run = new CliRun("train", "--data", data.toString(), "--task", "thread-role", "--trainer", "cart",
                "--folds", "2", "--seed", "3", "--out", model.toString());
        assertEquals(0, run.exitCode, run.toString());
    }

    @Test
    void shouldExplainTrainInHelpIncludingThatXgboostIsOfflineOnly() {
        CliRun run = new CliRun("train", "--help");

        assertEquals(0, run.exitCode);
        String help = run.out.toString();
        for (String option : List.of("--data", "--task", "--trainer", "--out", "--seed", "--folds")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
        assertTrue(help.contains("offline only"), help);
        assertTrue(help.contains("logistic | fm | cart | forest | xgboost"), help);
        assertTrue(help.contains("(default: 5)"), help);
        assertTrue(new CliRun("--help").out.toString().contains("evaluate"));
    }

    @Test
    void shouldWriteAModelFolderAndReportAgainstBaselines() throws Exception {
        assertTrue(Files.size(model.resolve("model.pb")) > 0);
        assertTrue(Files.exists(model.resolve("model.json")));
        assertTrue(Files.readString(model.resolve("model.md")).contains("baseline: majority"));
        assertFalse(Files.exists(model.resolve("model.onnx")), "CART has no ONNX export");
    }

    @Test
    void shouldEvaluateAModelOnOtherSessions() {
        CliRun run = new CliRun("evaluate", "--model", model.toString(), "--data", otherData.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.toString().contains("baseline: heuristic"), run.toString());
        assertTrue(run.out.toString().contains("1 sessions it was not trained on"), run.toString());
        assertFalse(run.err.toString().contains("warning"), run.toString());
    }

    @Test
    void shouldWarnWhenEvaluatingOnTrainingSessions() {
        CliRun run = new CliRun("evaluate", "--model", model.toString(), "--data", data.toString(), "--json");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("was in the model's training data"), run.toString());
        assertTrue(run.out.toString().trim().startsWith("{"), run.toString());
    }

    @Test
    void shouldRefuseAnEmptyFolderAndWriteNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("out");

        CliRun run = new CliRun("train", "--data", empty.toString(), "--task", "frame-miss", "--out", out.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("holds no sessions"), run.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void shouldRefuseTooFewSessionsForTheFolds() {
        Path out = dir.resolve("out");

        CliRun run = new CliRun("train", "--data", data.toString(), "--task", "thread-role", "--out", out.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("2 sessions cannot make 5 folds"), run.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void shouldNameTheSessionThatLacksTheEventsATaskNeeds() throws Exception {
        Path out = dir.resolve("out");

        CliRun run = new CliRun("train", "--data", data.toString(), "--task", "frame-miss", "--folds", "2",
                "--out", out.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("session " + RecordedFixture.ids().get(0) + " has no frame_timing events"),
                run.toString());
        assertTrue(run.err.toString().contains("where a frame-timing source attaches"), run.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void shouldNameTheSessionWithNoLabelsForTheTask() throws Exception {
        Path copy = copyOf(data);
        SessionId first = RecordedFixture.ids().get(0);
        try (Stream<Path> parts = Files.list(copy.resolve("session=" + first).resolve("event=task_stats"))) {
            for (Path part : parts.toList()) {
                PartRewriter.rewrite(part, row -> RoleRules.DEFAULT.roleOf(comm(row)).isEmpty(), 1);
            }
        }

        CliRun run = refusedThreadRoleTraining(copy, 2);

        assertTrue(run.err.toString().contains("session " + first + " has no thread a role rule names"), run.toString());
    }

    @Test
    void shouldNameACorruptParquetFile() throws Exception {
        Path copy = copyOf(data);
        Path part = firstPart(copy, "task_stats");
        byte[] bytes = Files.readAllBytes(part);
        for (int i = 4; i < bytes.length - 8; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(part, bytes);

        CliRun run = refusedThreadRoleTraining(copy, 4);

        assertTrue(run.err.toString().contains(part.getFileName().toString()), run.toString());
    }

    @Test
    void shouldNameAParquetFileOfANewerSchemaVersion() throws Exception {
        Path copy = copyOf(data);
        Path part = firstPart(copy, "task_stats");
        PartRewriter.rewrite(part, row -> true, 2);

        CliRun run = refusedThreadRoleTraining(copy, 4);

        assertTrue(run.err.toString().contains(part.getFileName() + " has schema version 2 of 'task_stats'"), run.toString());
        assertTrue(run.err.toString().contains("use a newer frameloop"), run.toString());
    }

    @Test
    void shouldNameATruncatedParquetFile() throws Exception {
        Path copy = copyOf(data);
        Path part = firstPart(copy, "task_stats");
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CliRun run = refusedThreadRoleTraining(copy, 4);

        assertTrue(run.err.toString().contains(part.getFileName().toString()), run.toString());
        assertTrue(run.err.toString().contains("fsck"), run.toString());
    }

    @Test
    void shouldNameAParquetFileOfAForeignSchema() throws Exception {
        Path copy = copyOf(data);
        Path part = firstPart(copy, "task_stats");
        Files.copy(firstPart(copy, "migration"), part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliRun run = refusedThreadRoleTraining(copy, 4);

        assertTrue(run.err.toString().contains(part.getFileName().toString()), run.toString());
    }

    @Test
    void shouldRefuseAModelOfAnotherFeatureSetVersion() throws Exception {
        Path copy = copyOf(model);
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(copy.resolve("model.json").toFile());
        card.put("feature_set_version", 99);
        json.writeValue(copy.resolve("model.json").toFile(), card);

        CliRun run = new CliRun("evaluate", "--model", copy.toString(), "--data", otherData.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("trained on feature set version 99"), run.toString());
    }

    @Test
    void shouldRefuseAJavaSerializedFilePosingAsAModel() throws Exception {
        Path copy = copyOf(model);
        try (OutputStream file = Files.newOutputStream(copy.resolve(ModelStore.MODEL_FILE));
             ObjectOutputStream out = new ObjectOutputStream(file)) {
            out.writeObject(new java.util.ArrayList<>(List.of("not", "a", "model")));
        }

        CliRun run = new CliRun("evaluate", "--model", copy.toString(), "--data", otherData.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("model.pb is a Java-serialized object"), run.toString());
    }

    @Test
    void shouldRefuseAnOutFolderThatIsNotEmpty() throws Exception {
        CliRun run = new CliRun("train", "--data", data.toString(), "--task", "thread-role", "--folds", "2",
                "--out", model.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("is not empty"), run.toString());
    }

    /** Trains thread-role on the bad data {@code copy}: exit {@code exitCode}, nothing written to --out. */
    private CliRun refusedThreadRoleTraining(Path copy, int exitCode) {
        Path out = dir.resolve("out");
        CliRun run = new CliRun("train", "--data", copy.toString(), "--task", "thread-role", "--folds", "2",
                "--out", out.toString());
        assertEquals(exitCode, run.exitCode, run.toString());
        assertFalse(Files.exists(out), run.toString());
        return run;
    }

    private Path copyOf(Path source) throws Exception {
        return RecordedFixture.copyTree(source, dir.resolve("copy-" + source.getFileName()));
    }

    private static String comm(GenericRecord row) {
        ByteBuffer bytes = ((ByteBuffer) row.get("comm")).duplicate();
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static Path firstPart(Path dataset, String table) throws Exception {
        try (Stream<Path> paths = Files.walk(dataset)) {
            return paths.filter(p -> p.getParent().getFileName().toString().equals("event=" + table)
                    && p.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
    }
}
