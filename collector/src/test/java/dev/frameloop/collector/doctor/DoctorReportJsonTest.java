package dev.frameloop.collector.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(DoctorReport report) throws Exception {
        return MAPPER.readTree(DoctorReportJson.format(report));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldHaveTheSameKeysWhateverTheMachineHas() throws Exception {
        for (DoctorReport r : List.of(ReportFixtures.host(), ReportFixtures.guestWithGamerRunning(), ReportFixtures.noLibbpf())) {
            JsonNode json = parse(r);

            assertEquals(List.of("btf", "sched_ext", "programs", "privileges", "libbpf", "memlock", "event_sources",
                    "qemu", "pinned_kernel", "missing"), fieldNames(json));
            assertEquals(List.of("present", "state", "ops"), fieldNames(json.get("sched_ext")));
            assertEquals(List.of("tp_btf", "fentry", "lsm", "uprobe", "struct_ops"), fieldNames(json.get("programs")));
            for (JsonNode p : json.get("programs")) {
                assertEquals(List.of("loads", "attaches", "fires", "error", "note"), fieldNames(p));
            }
            assertEquals(List.of("euid", "cap_bpf", "cap_perfmon", "cap_sys_admin", "sufficient"), fieldNames(json.get("privileges")));
            assertEquals(List.of("available", "version", "error"), fieldNames(json.get("libbpf")));
            assertEquals(List.of("known", "soft_bytes", "hard_bytes"), fieldNames(json.get("memlock")));
            assertEquals(List.of("available", "path"), fieldNames(json.get("qemu")));
            assertEquals(List.of("available", "path"), fieldNames(json.get("pinned_kernel")));
        }
    }

    @Test
    void shouldCarryTheHostsValues() throws Exception {
        JsonNode json = parse(ReportFixtures.host());

        assertTrue(json.get("btf").asBoolean());
        assertFalse(json.get("sched_ext").get("present").asBoolean());
        assertTrue(json.get("sched_ext").get("state").isNull());
        JsonNode tp = json.get("programs").get("tp_btf");
        assertTrue(tp.get("loads").asBoolean() && tp.get("attaches").asBoolean() && tp.get("fires").asBoolean());
        assertTrue(tp.get("error").isNull());
        JsonNode fentry = json.get("programs").get("fentry");
        assertFalse(fentry.get("loads").asBoolean());
        assertTrue(fentry.get("attaches").isNull());
        assertEquals(ReportFixtures.EPERM, fentry.get("error").asText());
        assertEquals(0, json.get("privileges").get("euid").asInt());
        assertEquals("1.1", json.get("libbpf").get("version").asText());
        assertEquals(8L << 20, json.get("memlock").get("soft_bytes").asLong());
        assertEquals("/usr/bin/qemu-system-x86_64", json.get("qemu").get("path").asText());
        assertEquals(4, json.get("missing").size());
        assertEquals("sched_ext", json.get("missing").get(0).get("feature").asText());
        assertEquals(List.of("feature", "detail", "costs", "fix"), fieldNames(json.get("missing").get(0)));
    }

    @Test
    void shouldWriteUnlimitedMemlockAsNullAndUnknownAsNotKnown() throws Exception {
        JsonNode unlimited = parse(ReportFixtures.guestWithGamerRunning()).get("memlock");
        assertTrue(unlimited.get("known").asBoolean());
        assertTrue(unlimited.get("soft_bytes").isNull());

        JsonNode unknown = parse(ReportFixtures.noLibbpf()).get("memlock");
        assertFalse(unknown.get("known").asBoolean());
    }

    @Test
    void shouldReportASkippedRegistrationAsNotAttemptedWithANote() throws Exception {
        JsonNode structOps = parse(ReportFixtures.guestWithGamerRunning()).get("programs").get("struct_ops");

        assertTrue(structOps.get("loads").asBoolean());
        assertTrue(structOps.get("attaches").isNull());
        assertTrue(structOps.get("error").isNull());
        assertTrue(structOps.get("note").asText().contains("gamer"));
    }
}
