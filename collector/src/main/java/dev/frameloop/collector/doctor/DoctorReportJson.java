package dev.frameloop.collector.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.collector.bpf.BpfPrivileges;

import java.util.Map;
import java.util.Optional;

/**
 * The doctor's report for programs: one JSON object whose keys are stable (snake_case, always
 * present, null when unknown or not applicable):
 * <pre>
 * {"btf": true,
 *  "sched_ext": {"present": false, "state": null, "ops": null},
 *  "programs": {"tp_btf": {"loads": true, "attaches": true, "fires": true, "error": null, "note": null},
 *               "fentry": {...}, "lsm": {...}, "uprobe": {...}, "struct_ops": {...}},
 *  "privileges": {"euid": 0, "cap_bpf": true, "cap_perfmon": true, "cap_sys_admin": true, "sufficient": true},
 *  "libbpf": {"available": true, "version": "1.1", "error": null},
 *  "memlock": {"known": true, "soft_bytes": 8388608, "hard_bytes": 8388608},   (known, null = unlimited)
 *  "qemu": {"available": true, "path": "/usr/bin/qemu-system-x86_64"},
 *  "pinned_kernel": {"available": true, "path": "..."},
 *  "event_sources": {"input": "fentry:input_event", "process": "...", ...},   (empty without root)
 *  "missing": [{"feature": "fentry", "detail": "...", "costs": "...", "fix": "..."}]}
 * </pre>
 */
public final class DoctorReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DoctorReportJson() {
    }

    public static String format(DoctorReport r) {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the doctor report as JSON", e);
        }
    }

    static ObjectNode tree(DoctorReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("btf", r.btf());

        ObjectNode sched = root.putObject("sched_ext");
        sched.put("present", r.schedExt().present());
        sched.put("state", r.schedExt().state().orElse(null));
        sched.put("ops", r.schedExt().ops().orElse(null));

        ObjectNode programs = root.putObject("programs");
        for (Map.Entry<ProgramKind, ProgramCheck> e : r.programs().entrySet()) {
            ProgramCheck c = e.getValue();
            ObjectNode p = programs.putObject(e.getKey().key());
            p.put("loads", c.loads());
            p.put("attaches", c.attaches());
            p.put("fires", c.fires());
            p.put("error", c.error());
            p.put("note", c.note());
        }

        ObjectNode privileges = root.putObject("privileges");
        Optional<BpfPrivileges> priv = r.privileges();
        privileges.put("euid", priv.map(BpfPrivileges::euid).orElse(null));
        privileges.put("cap_bpf", priv.map(p -> p.has(BpfPrivileges.CAP_BPF)).orElse(null));
        privileges.put("cap_perfmon", priv.map(p -> p.has(BpfPrivileges.CAP_PERFMON)).orElse(null));
        privileges.put("cap_sys_admin", priv.map(p -> p.has(BpfPrivileges.CAP_SYS_ADMIN)).orElse(null));
        privileges.put("sufficient", priv.map(p -> p.canTrace() && p.canRunScheduler()).orElse(null));

        ObjectNode libbpf = root.putObject("libbpf");
        libbpf.put("available", r.libbpf().available());
        libbpf.put("version", r.libbpf().version().orElse(null));
        libbpf.put("error", r.libbpf().error().orElse(null));

        ObjectNode memlock = root.putObject("memlock");
        memlock.put("known", r.memlock().isPresent());
        if (r.memlock().isPresent()) {
            MemlockLimit m = r.memlock().get();
            memlock.put("soft_bytes", m.softBytes().isPresent() ? m.softBytes().getAsLong() : null);
            memlock.put("hard_bytes", m.hardBytes().isPresent() ? m.hardBytes().getAsLong() : null);
        } else {
            memlock.putNull("soft_bytes");
            memlock.putNull("hard_bytes");
        }

        ObjectNode sources = root.putObject("event_sources");
        r.eventSources().forEach((type, source) -> sources.put(type.name().toLowerCase(java.util.Locale.ROOT), source));

        ObjectNode qemu = root.putObject("qemu");
        qemu.put("available", r.qemu().isPresent());
        qemu.put("path", r.qemu().orElse(null));

        ObjectNode kernel = root.putObject("pinned_kernel");
        kernel.put("available", r.pinnedKernel().isPresent());
        kernel.put("path", r.pinnedKernel().orElse(null));

        var missing = root.putArray("missing");
        for (Finding f : DoctorFindings.missing(r)) {
            ObjectNode m = missing.addObject();
            m.put("feature", f.key());
            m.put("detail", f.detail());
            m.put("costs", f.costs());
            m.put("fix", f.fix());
        }
        return root;
    }
}
