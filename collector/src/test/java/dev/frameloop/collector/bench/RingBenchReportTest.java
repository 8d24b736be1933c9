package dev.frameloop.collector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingBenchReportTest {

    private static RingBenchResult result() {
        RingBenchOptions options = new RingBenchOptions(1_000_000, 32, 3, Duration.ofSeconds(2), List.of(10_000L, 100_000L),
                Optional.empty(), false);
        List<LatencyResult> latencies = List.of(
                new LatencyResult("java-epoll", 10_000, 9_999, 20_000, 20_000, 9.5, 120.0, 900.0, 1000.0, 7.5, 0),
                new LatencyResult("libbpf-poll", 10_000, 10_000, 20_000, 20_000, 12.0, 150.0, 1100.0, 1200.0, 8.0, 0),
                new LatencyResult("java-spin", 10_000, 10_000, 20_000, 20_000, 0.8, 3.5, 40.0, 90.0, 99.0, 0),
                new LatencyResult("java-default", 10_000, 10_000, 20_000, 20_000, 5.0, 60.0, 800.0, 900.0, 30.0, 0),
                new LatencyResult("java-epoll", 100_000, 99_000, 200_000, 200_000, 50.0, 500.0, 900.0, 1000.0, 25.0, 0));
        return new RingBenchResult(options, 64L << 20, List.of(200e6, 250e6, 240e6), List.of(200e6, 210e6, 220e6),
                List.of(300e6, 330e6, 320e6), List.of(250e6, 300e6, 290e6), 0.0, new MonotonicClock(0, 80), latencies,
                "SCHED_FIFO 1 on CPU 1, producer on CPU 0");
    }

    @Test
    void shouldPrintOneJsonObjectWithEveryRequiredKey() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RingBenchReport.json(result()));

        assertTrue(json.isObject());
        for (String key : RingBenchReport.REQUIRED_KEYS) {
            assertTrue(json.has(key) && json.get(key).isNumber(), "key " + key + " in " + json);
        }
        assertEquals(240_000_000L, json.get("java_events_per_s").asLong(), "median of the rounds");
        assertEquals(210_000_000L, json.get("libbpf_events_per_s").asLong());
        assertEquals(1.143, json.get("ratio").asDouble(), 1e-9);
        assertEquals(320_000_000L, json.get("java_events_per_cpu_s").asLong(), "median of the rounds per CPU-second");
        assertEquals(290_000_000L, json.get("libbpf_events_per_cpu_s").asLong());
        assertEquals(1.103, json.get("cpu_ratio").asDouble(), 1e-9);
        assertEquals("SCHED_FIFO 1 on CPU 1, producer on CPU 0", json.get("spin_scheduling").asText());
        assertEquals(9.5, json.get("wakeup_p50_us").asDouble(), "headline latencies are at the lowest rate");
        assertEquals(150.0, json.get("libbpf_wakeup_p99_us").asDouble());
        assertEquals(3.5, json.get("spin_wakeup_p99_us").asDouble());
        assertEquals(99.0, json.get("spin_cpu_percent").asDouble());
        assertEquals(5, json.get("latency").size(), "every phase is listed");
    }

    @Test
    void shouldPrintATableThatSaysWhetherEachTargetIsMet() {
        String text = RingBenchReport.text(result());

        assertTrue(text.contains("ratio java/libbpf                       1.143      (target >= 1.0: met)"), text);
        assertTrue(text.contains("epoll p50/p99 no worse than libbpf's: met"), text);
        assertTrue(text.contains("spin p99 <= 5 us: met (3.5 us, 99 % CPU)"), text);
        assertTrue(text.contains("java-spin          10000        0.8        3.5       40.0       90.0     99.0"), text);
    }
}
