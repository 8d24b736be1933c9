package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.ml.fixture.FixtureSessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchPredictCommandTest {
    @TempDir
    static Path shared;
    static Path logistic;
    static Path cart;

    @TempDir
    Path dir;


    @BeforeAll
    static void trainOnFixtures() throws Exception {
        Path data = Files.createDirectories(shared.resolve("data"));
        new FixtureSessions(31, 4).write(data, 3);
        logistic = shared.resolve("logistic");
        cart = shared.resolve("cart");
        for (Path model : List.of(logistic, cart)) {
            CliRun run = new CliRun("train", "--data", data.toString(), "--task", "thread-role", "--trainer",
                    model.getFileName().toString(), "--folds", "3", "--seed", "3", "--out", model.toString());
            assertEquals(0, run.exitCode, run.toString());
        }
    }

    private static CliRun bench(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("bench", "predict", "--warmup", "200",
                "--iterations", "2500", "--batches", "3", "--batch-size", "50"));
        args.addAll(List.of(extra));
        return new CliRun(args.toArray(String[]::new));
    }

    @Test
    void shouldReportEveryKeyWithPositiveValuesForEachModel() throws Exception {
        CliRun run = bench("--model", logistic.toString(), cart.toString(), "--json");

        assertEquals(0, run.exitCode, run.toString());
        JsonNode results = new ObjectMapper().readTree(run.out.toString());
        assertEquals(2, results.size(), run.toString());
        assertEquals(List.of("logistic", "cart"),
                List.of(results.get(0).path("trainer").asText(), results.get(1).path("trainer").asText()));
        for (JsonNode r : results) {
            assertTrue(r.path("model").asText().endsWith(r.path("trainer").asText()), r.toString());
            assertEquals("thread-role", r.path("task").asText());
            assertEquals(2500, r.path("single_count").asLong(), r.toString());
            for (String key : List.of("single_p50_ns", "single_p99_ns", "single_p999_ns", "batch_ns_per_prediction",
                    "single_p50_ratio", "single_p99_ratio", "batch_ratio")) {
                assertTrue(r.path(key).isNumber() && r.path(key).asDouble() > 0, key + " in " + r);
            }
            assertTrue(r.path("single_p99_ns").asLong() >= r.path("single_p50_ns").asLong(), r.toString());
            JsonNode ref = r.path("reference");
            for (String key : List.of("single_p50_ns", "single_p99_ns", "single_p999_ns", "batch_ns_per_op")) {
                assertTrue(ref.path(key).isNumber() && ref.path(key).asDouble() > 0, "reference " + key + " in " + r);
            }
            assertEquals(5000, r.path("target_p99_ns").asLong());
            assertTrue(r.path("meets_target").isBoolean(), r.toString());
        }
    }

    @Test
    void shouldPrintATableByDefault() {
        CliRun run = bench("--model", cart.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.toString().contains("cart"), run.toString());
        assertTrue(run.out.toString().contains("reference:"), run.toString());
        assertTrue(run.err.toString().contains("measuring cart"), run.toString());
    }

    @Test
    void shouldRefuseAMissingModelFolderClearly() {
        Path missing = dir.resolve("nope");

        CliRun run = bench("--model", cart.toString(), missing.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains(missing + " does not exist"), run.toString());
        assertTrue(run.out.toString().isEmpty(), "nothing measured before the check: " + run);
    }

    @Test
    void shouldRefuseAFolderThatIsNotAModelFolder() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "not a model");

        CliRun run = bench("--model", foreign.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("not a frameloop model folder"), run.toString());
    }

    @Test
    void shouldRefuseNonPositiveCounts() {
        CliRun run = new CliRun("bench", "predict", "--model", cart.toString(), "--iterations", "0");

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.toString().contains("iterations"), run.toString());
    }

    @Test
    void shouldStateTheTargetAndThatXgboostIsOfflineOnlyInHelp() {
        CliRun run = new CliRun("bench", "predict", "--help");

        assertEquals(0, run.exitCode, run.toString());
        String help = run.out.toString().replaceAll("\\s+", " ");
        for (String s : List.of("--model", "--json", "--iterations", "--batch-size", "p99 <= 5 us", "logistic, fm and cart",
                "xgboost is offline only", "(default: 1000)")) {
            assertTrue(help.contains(s), s + " in\n" + help);
        }
        assertTrue(new CliRun("bench", "--help").out.toString().contains("predict"));
        assertFalse(new CliRun("bench", "--help").out.toString().isEmpty());
    }
}
