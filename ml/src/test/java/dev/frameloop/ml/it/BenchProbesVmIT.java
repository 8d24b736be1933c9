package dev.frameloop.ml.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code frameloop bench probes --json} in the guest, observe mode: the standard load drives the uinput virtual mouse and
 * vgem submits there, so the input probe (fentry input_event) and the GPU-submit probe (fentry drm_ioctl) run at least
 * once per event the load made, each beside its hook's empty reference program, which ran as often.
 */
@Tag("vm")
class BenchProbesVmIT {
    private static final int INPUT_MOVES = 2000;
    private static final int GPU_SUBMITS = 500;

    @Test
    void shouldMeasureTheInputAndGpuFentryProbesUnderUinputAndVgemLoad() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c",
                        "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'; $FL bench probes --json"
                                + " --execs 10 --round-trips 2000 --syscalls 2000 --moves 2000 --input-moves " + INPUT_MOVES
                                + " --gpu-submits " + GPU_SUBMITS + " --timeout 90s")
                .options("--timeout", "10m")
                .hostTimeout(Duration.ofMinutes(15))
                .run();

        assertEquals(0, r.exitCode(), r.describe());
        String out = r.stdout();
        int start = out.indexOf("{\n");
        int end = out.lastIndexOf("\n}");
        assertTrue(start >= 0 && end > start, "no JSON object in the guest's output\n" + r.describe());
        JsonNode json = new ObjectMapper().readTree(out.substring(start, end + 2));
        JsonNode load = json.get("load");
        assertEquals(INPUT_MOVES, load.get("input_moves").asLong(), load.toString());
        assertEquals(INPUT_MOVES, load.get("input_moves_wanted").asLong(), "the guest has /dev/uinput: " + load);
        assertEquals(GPU_SUBMITS, load.get("gpu_submits").asLong(), load.toString());
        assertEquals(GPU_SUBMITS, load.get("gpu_submits_wanted").asLong(), "the guest has vgem: " + load);
        assertEquals("fentry:input_event", json.get("sources").get("input").asText(), json.get("sources").toString());
        assertEquals("fentry:drm_ioctl", json.get("sources").get("gpu_submit").asText(), json.get("sources").toString());
        Map<String, JsonNode> programs = new HashMap<>();
        json.get("programs").forEach(p -> programs.put(p.get("name").asText(), p));
        // two input_event() calls per move (EV_REL, EV_SYN); two drm_ioctl() calls per submit (attach, signal)
        assertMeasured(programs.get("fl_input_fentry"), 2L * INPUT_MOVES);
        assertMeasured(programs.get("fl_input_fexit"), 2L * INPUT_MOVES);
        assertMeasured(programs.get("fl_gpu_fentry"), 2L * GPU_SUBMITS);
    }

    private static void assertMeasured(JsonNode p, long atLeast) {
        assertTrue(p != null, "program not loaded");
        assertTrue(p.get("runs").asLong() >= atLeast, "ran once per event of the load: " + p);
        JsonNode ref = p.get("reference");
        assertTrue(ref != null && !ref.isNull(), "no reference: " + p);
        assertEquals(p.get("section").asText(), ref.get("section").asText(), p.toString());
        assertEquals(p.get("runs").asLong(), ref.get("runs").asLong(), "the reference ran as often as the probe: " + p);
        assertTrue(!p.get("ratio").isNull(), p.toString());
    }
}
