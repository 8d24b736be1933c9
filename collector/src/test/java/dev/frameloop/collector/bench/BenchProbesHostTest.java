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

/**
 * {@code bench probes --json} on this host's kernel, observe mode: the exec/exit probes ran and have a cost, read against
 * an empty program on the same hook in the same run.
 */
class BenchProbesHostTest {
    @Test
    void shouldMeasureTheProcessProbesAgainstTheirHooksReferenceAndLeaveTheStatsSwitchAlone() throws Exception {
        HostRequirements.requireBpfPrivileges();
        Path stats = Path.of("/proc/sys/kernel/bpf_stats_enabled");
        String before = Files.readString(stats).strip();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchProbesCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--execs", "50", "--round-trips", "5000", "--syscalls", "5000", "--json");

        assertEquals(0, exit, out.toString());
        assertEquals(before, Files.readString(stats).strip(), "the kernel.bpf_stats_enabled sysctl is left alone (the bench holds a BPF_ENABLE_STATS fd)");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("observe", json.get("mode").asText());
        JsonNode load = json.get("load");
        assertEquals(50, load.get("execs").asLong(), load.toString());
        assertEquals(5000, load.get("round_trips").asLong(), load.toString());
        assertEquals(5000, load.get("syscalls").asLong(), load.toString());
        assertTrue(load.get("complete").asBoolean(), load.toString());
        Map<String, JsonNode> programs = new HashMap<>();
        json.get("programs").forEach(p -> programs.put(p.get("name").asText(), p));
        String exec = programs.containsKey("fl_exec_lsm") ? "fl_exec_lsm"
                : programs.containsKey("fl_exec_btf") ? "fl_exec_btf" : "fl_exec_tp";
        JsonNode p = programs.get(exec);
        assertTrue(p.get("runs").asLong() >= 50, "each of the load's execs ran the exec probe: " + p);
        assertTrue(p.get("run_time_ns").asLong() > 0, p.toString());
        assertEquals(p.get("run_time_ns").asDouble() / p.get("runs").asLong(), p.get("ns_per_run").asDouble(), 0.05 + 1e-9);
        JsonNode ref = p.get("reference");
        assertEquals(p.get("section").asText(), ref.get("section").asText(), "the reference sits on the probe's hook");
        assertEquals(p.get("runs").asLong(), ref.get("runs").asLong(), "the reference ran once per run of the probe: " + p);
        assertEquals(p.get("ns_per_run").asDouble() / ref.get("ns_per_run").asDouble(), p.get("ratio").asDouble(), 0.01);
    }
}
