package dev.frameloop.ml.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopBenchReportTest {
    private static final LoopBenchOptions OPTIONS = new LoopBenchOptions(1000, Duration.ofSeconds(2), 4,
            Duration.ofNanos(20_000), Optional.empty(), Optional.empty());

    /** Spin: one trigger, loop 50 µs; epoll: one trigger, loop 400 µs; libbpf: 200 µs. */
    private static LoopBenchResult result() {
        LoopSamples samples = new LoopSamples(2);
        samples.plan(0, 1, 0, LoopMode.SPIN);
        samples.plan(1, 1, 0, LoopMode.EPOLL);
        samples.received(0, 1_000_000, 1_002_000);
        samples.steps(0, 1_003_000, 1_004_000, 1_005_000, 1_040_000, 1_004_000);
        samples.received(1, 2_000_000, 2_300_000);
        samples.steps(1, 2_301_000, 2_302_000, 2_303_000, 2_390_000, 2_302_000);
        LoopPairing.Result pairing = LoopPairing.pair(samples, new long[] {1_004_000, 2_302_000},
                new long[] {1_050_000, 2_400_000});
        Histogram libbpf = new Histogram(1, LoopPairing.HIGHEST_NS, 3);
        libbpf.recordValue(200_000);
        return LoopBenchResult.of(OPTIONS, "m", pairing, libbpf, 900, 900, "SCHED_FIFO 1", "SCHED_FIFO 1", 1.5, 2.5);
    }

    @Test
    void shouldPutEveryRequiredKeyAndTheMeasuredValuesInOneJsonObject() throws Exception {
        JsonNode json = new ObjectMapper().readTree(LoopBenchReport.json(result()));

        for (String key : LoopBenchReport.REQUIRED_KEYS) {
            assertTrue(json.has(key), key);
        }
        assertEquals(50.0, json.get("loop_spin_p50_us").asDouble(), 0.05);
        assertEquals(400.0, json.get("loop_epoll_p99_us").asDouble(), 0.5);
        assertEquals(2.0, json.get("part_wakeup_spin_p99_us").asDouble(), 0.01);
        assertEquals(300.0, json.get("part_wakeup_epoll_p99_us").asDouble(), 0.5);
        assertEquals(35.0, json.get("part_map_write_spin_p99_us").asDouble(), 0.05);
        assertEquals(87.0, json.get("part_map_write_p99_us").asDouble(), 0.1, "over both modes: the larger");
        assertEquals(200.0, json.get("libbpf_wakeup_p99_us").asDouble(), 0.5);
        assertEquals(2.0, json.get("loop_epoll_p99_to_libbpf_wakeup_p99").asDouble(), 0.01);
        assertTrue(json.get("target_met").asBoolean());
        assertEquals(1, json.get("paired_spin").asLong());
        assertEquals(0, json.get("missed_epoll").asLong());
        assertEquals(1.5, json.get("load_average_before").asDouble());
    }

    @Test
    void shouldWriteNullNotNaNForAModeWithNothingPaired() throws Exception {
        LoopSamples samples = new LoopSamples(1);
        samples.plan(0, 1, 0, LoopMode.SPIN);
        LoopPairing.Result pairing = LoopPairing.pair(samples, new long[0], new long[0]);
        LoopBenchResult r = LoopBenchResult.of(OPTIONS, "m", pairing, new Histogram(1, LoopPairing.HIGHEST_NS, 3), 0, 0,
                "s", "t", Double.NaN, Double.NaN);

        JsonNode json = new ObjectMapper().readTree(LoopBenchReport.json(r));

        assertTrue(json.get("loop_spin_p99_us").isNull());
        assertTrue(json.get("load_average_before").isNull());
        assertEquals(1, json.get("unread_spin").asLong());
        assertFalse(json.get("target_met").asBoolean());
    }

    @Test
    void shouldTellPeopleWhetherTheTargetIsMetAndHowEveryTriggerEnded() {
        String text = LoopBenchReport.text(result());

        assertTrue(text.contains("target loop spin p99 <= 100 us: met (50.0 us)"), text);
        assertTrue(text.contains("  spin   1: 1 / 0 / 0 / 0"), text);
        assertTrue(text.contains("libbpf ring_buffer__poll"), text);
    }
}
