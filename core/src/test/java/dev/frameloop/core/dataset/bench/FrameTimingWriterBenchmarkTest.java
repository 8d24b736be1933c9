package dev.frameloop.core.dataset.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison runs both writers on the same rows and reports what they wrote (never how fast: that is the benchmark's job). */
class FrameTimingWriterBenchmarkTest {
    @TempDir
    Path scratch;

    @Test
    void shouldWriteTheSameRowsWithBothWritersAndReportEach() throws Exception {
        List<WriterMeasurement> results = FrameTimingWriterBenchmark.run(20_000, 1, false, scratch);

        assertEquals(List.of(FrameTimingWriterBenchmark.FRAMELOOP, FrameTimingWriterBenchmark.REFERENCE),
                results.stream().map(WriterMeasurement::name).toList());
        for (WriterMeasurement result : results) {
            assertEquals(20_000, result.rowsPerRound());
            assertTrue(result.rowsPerSecond() > 0 && result.rowsPerCpuSecond() > 0, result.toString());
        }
        // same rows: v2 pages with delta encodings take fewer bytes than the reference's v1 defaults
        assertTrue(results.get(0).bytesPerRow() < results.get(1).bytesPerRow(), results.toString());
        try (var left = Files.list(scratch)) {
            assertEquals(0, left.count(), "benchmark files left behind");
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        FrameTimingWriterBenchmark.print(results, new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("reference ") && l.contains(" 1.00 ")), printed);
    }
}
