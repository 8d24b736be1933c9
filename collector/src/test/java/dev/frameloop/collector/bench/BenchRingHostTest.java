package dev.frameloop.collector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.collector.testing.HostRequirements;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short real run of the benchmark: both consumers read every record of every phase (the
 * benchmark itself fails on a lost, repeated or reordered record, and on a producer drop).
 * Asserts what was read and reported, never how fast.
 */
class BenchRingHostTest {

    @Test
    void shouldMeasureBothConsumersOnTheSameRingAndReportEveryPhase() throws Exception {
        HostRequirements.requireBpfPrivileges();
        RingBenchOptions options = new RingBenchOptions(20_000, 32, 2, Duration.ofMillis(200), List.of(2_000L),
                Optional.empty(), false);
        StringWriter progress = new StringWriter();

        RingBenchResult result = new RingBenchmark(options, new PrintWriter(progress)).run();

        assertEquals(2, result.javaEventsPerS().size());
        assertEquals(2, result.libbpfEventsPerS().size());
        assertEquals(List.of("java-epoll", "libbpf-poll", "java-spin", "java-default"),
                result.latencies().stream().map(LatencyResult::consumer).toList());
        for (LatencyResult phase : result.latencies()) {
            assertEquals(phase.records(), phase.received(), phase.consumer() + " read every record");
            assertEquals(0, phase.orderErrors(), phase.consumer());
        }
        JsonNode json = new ObjectMapper().readTree(RingBenchReport.json(result));
        for (String key : RingBenchReport.REQUIRED_KEYS) {
            assertTrue(json.has(key), key);
        }
        assertTrue(progress.toString().contains("latency at 2000 records/s"), progress.toString());
    }
}
