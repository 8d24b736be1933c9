package dev.frameloop.ml.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.ml.experiment.FixtureExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentSummaryTest {
    @TempDir
    Path tmp;

    @Test
    void shouldNameEachArmTheDifferencesItsIntervalsCallAndTheReport() throws IOException {
        FixtureExperiment.write(tmp);

        List<String> lines = ExperimentSummary.lines(tmp);

        assertEquals(2, lines.stream().filter(l -> l.contains(" 2/2 runs with data; average FPS ")).count(), lines.toString());
        assertTrue(lines.get(1).startsWith("  gamer "), lines.toString());
        assertTrue(lines.contains("report: " + tmp.resolve("report.html")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  gamer vs default: average FPS better by ")),
                "the fixture's gamer frames are 1 ms shorter: " + lines);
    }

    @Test
    void shouldSayInWhichRunsTheFrameCrossCheckFailed() throws IOException {
        FixtureExperiment.write(tmp);
        Path json = tmp.resolve("results.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode results = (ObjectNode) mapper.readTree(json.toFile());
        ArrayNode runs = (ArrayNode) results.path("runs");
        runs.forEach(r -> ((ObjectNode) r).putObject("frame_cross_check").put("holds", true)
                .put("recorded_frames", 100).put("ground_truth_frames", 100).put("max_interval_deviation_ns", 3000)
                .put("intervals_over_tolerance", 0));
        ((ObjectNode) runs.get(0).path("frame_cross_check")).put("holds", false)
                .put("max_interval_deviation_ns", 9061300).put("intervals_over_tolerance", 2);
        mapper.writeValue(json.toFile(), results);

        List<String> lines = ExperimentSummary.lines(tmp);

        String dir = runs.get(0).path("dir").asText();
        assertTrue(lines.contains("  frame cross-check: holds in " + (runs.size() - 1) + " of " + runs.size() + " runs; FAILS in "
                + dir + ": 2 intervals off by more than 50 µs (max 9061.3 µs)"), lines.toString());
    }
}
