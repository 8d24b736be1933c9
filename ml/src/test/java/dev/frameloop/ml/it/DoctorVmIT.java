package dev.frameloop.ml.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code frameloop doctor --json} in the guest: the pinned kernel has everything the build machines lack. */
@Tag("vm")
class DoctorVmIT {

    @Test
    void shouldFindSchedExtFentryLsmAndStructOpsInTheGuest() throws Exception {
        GuestRun.Result r = GuestRun.vm("sh", "-c",
                        "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'; $FL doctor --json")
                .options("--timeout", "15m")
                .hostTimeout(Duration.ofMinutes(20))
                .run();

        assertEquals(0, r.exitCode(), r.describe());
        JsonNode json = jsonObjectIn(r.stdout(), r);

        assertTrue(json.get("btf").asBoolean(), r.describe());
        assertTrue(json.get("sched_ext").get("present").asBoolean(), r.describe());
        assertEquals("disabled", json.get("sched_ext").get("state").asText(), r.describe());
        for (String kind : List.of("tp_btf", "fentry", "lsm", "uprobe")) {
            JsonNode p = json.get("programs").get(kind);
            assertTrue(p.get("loads").asBoolean() && p.get("attaches").asBoolean() && p.get("fires").asBoolean(),
                    kind + ": " + p + "\n" + r.describe());
            assertTrue(p.get("error").isNull(), kind + ": " + p);
        }
        JsonNode structOps = json.get("programs").get("struct_ops");
        assertTrue(structOps.get("loads").asBoolean() && structOps.get("attaches").asBoolean(), structOps + "\n" + r.describe());
        assertTrue(structOps.get("note").asText().contains("registered as 'frameloop_doctor'"), structOps.toString());
        JsonNode sources = json.get("event_sources");
        assertEquals("lsm:bprm_committed_creds, lsm:task_free", sources.get("process").asText(), sources.toString());
        assertEquals("fentry:input_event", sources.get("input").asText(), sources.toString());
        assertEquals("tp_btf:sched_migrate_task", sources.get("migration").asText(), sources.toString());
        // vgem (drm.ko) is loaded in the guest: the GPU-submit probe gets fentry on drm_ioctl
        assertEquals("fentry:drm_ioctl", sources.get("gpu_submit").asText(), sources.toString());
        List<String> missing = new ArrayList<>();
        json.get("missing").forEach(m -> missing.add(m.get("feature").asText()));
        for (String kind : List.of("sched_ext", "tp_btf", "fentry", "lsm", "uprobe", "struct_ops", "privileges", "libbpf", "btf")) {
            assertTrue(!missing.contains(kind), kind + " reported missing in the guest: " + missing);
        }
    }

    /** The one JSON object the guest printed (the VM runner may add lines of its own around it). */
    private static JsonNode jsonObjectIn(String stdout, GuestRun.Result r) throws Exception {
        int start = stdout.indexOf("{\n");
        int end = stdout.lastIndexOf("\n}");
        assertTrue(start >= 0 && end > start, "no JSON object in the guest's output\n" + r.describe());
        return new ObjectMapper().readTree(stdout.substring(start, end + 2));
    }
}
