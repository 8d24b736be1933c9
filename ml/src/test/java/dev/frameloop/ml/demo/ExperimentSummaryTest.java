package dev.frameloop.ml.demo;

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
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  gamer vs default: average fps better by ")),
                "the fixture's gamer frames are 1 ms shorter: " + lines);
    }
}
