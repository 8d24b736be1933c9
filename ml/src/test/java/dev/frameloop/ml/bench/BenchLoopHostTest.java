package dev.frameloop.ml.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.core.testing.MachineRequirements;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short real run on this kernel (observe mode: the tp_btf/sched_switch stand-in for the scheduler):
 * every measured trigger is paired with exactly one policy-applied event, or counted as missed or
 * unwritten; no event is left over; libbpf read every reference record. Never asserts how fast.
 */
class BenchLoopHostTest {

    @Test
    void shouldPairEveryTriggerWithOneAppliedEventOrCountItAndReportEveryKey() throws Exception {
        MachineRequirements.require(LibBpf.isAvailable(), String.valueOf(LibBpf.unavailableReason()));
        BpfPrivileges p = BpfPrivileges.ofThisProcess();
        MachineRequirements.require(p.canTrace(), "root (or CAP_BPF + CAP_PERFMON); euid is " + p.euid()
                + " — run the tests as root (sudo bin/test)");
        LoopBenchOptions options = new LoopBenchOptions(500, Duration.ofMillis(400), 2, Duration.ofNanos(20_000),
                Optional.empty(), Optional.empty());
        StringWriter progress = new StringWriter();

        LoopBenchResult result = new LoopBenchmark(options, new PrintWriter(progress)).run();

        long measuredPerMode = options.segments() * (options.triggersPerSegment() - options.warmupPerSegment());
        for (LoopMode mode : LoopMode.values()) {
            LoopPairing.Counts c = result.mode(mode).counts();
            assertEquals(measuredPerMode, c.triggers(), mode.label());
            assertEquals(0, c.unread(), mode.label() + ": the reader saw every trigger");
            assertEquals(c.triggers(), c.paired() + c.missed() + c.unwritten(), mode.label());
            assertTrue(c.paired() > 0, mode.label() + " paired " + c);
            assertEquals(c.paired(), result.mode(mode).loop().count(), mode.label());
        }
        assertEquals(0, result.duplicates(), "one applied event per entry write");
        assertEquals(0, result.unmatched(), "every applied event names a trigger's entry");
        assertTrue(result.accountedFor());
        assertEquals(result.libbpfRecords(), result.libbpfReceived(), "libbpf read every reference record");
        assertEquals(options.segments() * options.triggersPerSegment(), result.libbpfRecords());
        JsonNode json = new ObjectMapper().readTree(LoopBenchReport.json(result));
        for (String key : LoopBenchReport.REQUIRED_KEYS) {
            assertTrue(json.has(key) && json.get(key).isNumber(), key + " in " + json);
        }
        assertTrue(progress.toString().contains("JIT warmup"), progress.toString());
    }
}
