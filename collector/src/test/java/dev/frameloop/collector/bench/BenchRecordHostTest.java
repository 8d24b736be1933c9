package dev.frameloop.collector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.collector.testing.HostRequirements;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short real run of {@code bench record}: every record the producer committed ends up as a row of the
 * session's complete files, unpaced (the producer waits for the reader) nothing is dropped, and the JSON
 * has the keys. Asserts counts and contents, never speed.
 */
class BenchRecordHostTest {

    @Test
    void shouldWriteEveryProducedRecordAndReportTheKeys() throws Exception {
        HostRequirements.requireBpfPrivileges();

        RecordBenchResult result = new RecordBenchmark(Duration.ofSeconds(1), 0, new PrintWriter(new StringWriter())).run();

        assertTrue(result.produced() > 0);
        assertEquals(result.produced(), result.rows(), "rows in the session's files vs records committed");
        assertEquals(0, result.drops());
        assertTrue(result.files() >= 1);
        assertTrue(result.referenceRowsPerRound() >= 1 && result.referenceRowsPerRound() <= RecordBenchmark.SAMPLE_MAX);
        JsonNode json = new ObjectMapper().readTree(RecordBenchReport.json(result));
        for (String key : List.of("events_per_s", "reference_events_per_s", "ratio", "drops", "heap_max_bytes",
                "bytes_per_row")) {
            assertTrue(json.has(key), key + " in " + json);
        }
        assertEquals(result.rows(), json.get("rows").asLong());
        assertEquals(0, json.get("drops").asLong());
    }
}
