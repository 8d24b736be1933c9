package dev.frameloop.collector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.collector.testing.HostRequirements;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench probes --json} on this host's kernel, observe mode: the exec/exit probes ran and have a cost. */
class BenchProbesHostTest {
    @Test
    void shouldMeasureTheProcessProbesUnderTheStandardLoadAndRestoreTheStatsSwitch() throws Exception {
        HostRequirements.requireBpfPrivileges();
        Path stats = Path.of("/proc/sys/kernel/bpf_stats_enabled");
        String before = Files.readString(stats).strip();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchProbesCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--duration", "1s", "--json");

        assertEquals(0, exit, out.toString());
        assertEquals(before, Files.readString(stats).strip(), "bpf_stats_enabled restored");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("observe", json.get("mode").asText());
        Map<String, JsonNode> programs = new HashMap<>();
        json.get("programs").forEach(p -> programs.put(p.get("name").asText(), p));
        String exec = programs.containsKey("fl_exec_lsm") ? "fl_exec_lsm"
                : programs.containsKey("fl_exec_btf") ? "fl_exec_btf" : "fl_exec_tp";
        JsonNode p = programs.get(exec);
        assertTrue(p.get("runs").asLong() > 0, "the exec loop ran the exec probe: " + p);
        assertTrue(p.get("run_time_ns").asLong() > 0, p.toString());
        assertEquals(p.get("run_time_ns").asDouble() / p.get("runs").asLong(), p.get("ns_per_run").asDouble(), 0.05 + 1e-9);
    }
}
