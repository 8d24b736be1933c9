package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentResultsTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryArmsMetricsAndComparisonsFromTheReportWritersResults() throws Exception {
        ExperimentAnalysis analysis = FixtureExperiment.write(dir);

        ExperimentResults results = ExperimentResults.read(dir);

        Table arms = results.arms();
        assertEquals(2 * Metric.values().length, arms.rowCount());
        ArmResult gamer = analysis.arms().get(1);
        Table p99 = arms.where(arms.stringColumn("arm").isEqualTo("gamer")
                .and(arms.stringColumn("metric").isEqualTo(Metric.FRAME_TIME_P99.label())));
        Interval expected = gamer.intervals().get(Metric.FRAME_TIME_P99);
        assertEquals(expected.estimate(), p99.doubleColumn("estimate").getDouble(0), 1e-9);
        assertEquals(expected.low(), p99.doubleColumn("low").getDouble(0), 1e-9);
        assertEquals(expected.high(), p99.doubleColumn("high").getDouble(0), 1e-9);
        Table comparisons = results.comparisons();
        assertEquals(analysis.comparisons().size(), comparisons.rowCount());
        for (int i = 0; i < comparisons.rowCount(); i++) {
            assertEquals(analysis.comparisons().get(i).verdict().text(), comparisons.stringColumn("verdict").get(i));
        }
        assertEquals(2L * FixtureExperiment.FRAMES, (long) results.runs().doubleColumn("frames").getDouble(1));
    }

    @Test
    void shouldNameTheFolderWhenResultsAreMissing() {
        ExperimentResultsException e = assertThrows(ExperimentResultsException.class, () -> ExperimentResults.read(dir));
        assertTrue(e.getMessage().startsWith("no results.json in " + dir.toAbsolutePath().normalize()), e.getMessage());
    }

    @Test
    void shouldSayWhenResultsAreNotJson() throws Exception {
        Files.writeString(dir.resolve(ExperimentReport.JSON), "{\"arms\": [");
        ExperimentResultsException e = assertThrows(ExperimentResultsException.class, () -> ExperimentResults.read(dir));
        assertTrue(e.getMessage().startsWith("cannot read " + dir.toAbsolutePath().normalize().resolve("results.json")
                + ": not JSON"), e.getMessage());
    }
}
