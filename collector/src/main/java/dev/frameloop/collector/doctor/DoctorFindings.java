package dev.frameloop.collector.doctor;

import dev.frameloop.collector.bpf.BpfPrivileges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Judges a {@link DoctorReport}: one {@link Finding} per thing checked, in report order. */
public final class DoctorFindings {
    private static final String VM = "or the VM: bin/frameloop vm -- …";

    private DoctorFindings() {
    }

    public static List<Finding> of(DoctorReport r) {
        List<Finding> findings = new ArrayList<>();
        findings.add(r.btf()
                ? Finding.ok("btf", "BTF", "/sys/kernel/btf/vmlinux")
                : Finding.missing("btf", "BTF", "no /sys/kernel/btf/vmlinux",
                "no CO-RE, tp_btf, fentry, LSM or struct_ops programs: frameloop cannot run its probes or scheduler",
                "a kernel built with CONFIG_DEBUG_INFO_BTF=y (every major distribution's), " + VM));
        findings.add(schedExt(r.schedExt()));
        for (Map.Entry<ProgramKind, ProgramCheck> e : r.programs().entrySet()) {
            findings.add(program(e.getKey(), e.getValue()));
        }
        findings.add(r.privileges().map(DoctorFindings::privileges).orElse(Finding.missing("privileges", "privileges",
                "could not read /proc/self/status", "unknown whether BPF programs can be loaded",
                "run on Linux with /proc mounted")));
        findings.add(r.libbpf().available()
                ? Finding.ok("libbpf", "libbpf", r.libbpf().version().orElse("?") + " (libbpf.so.1)")
                : Finding.missing("libbpf", "libbpf", r.libbpf().error().orElse("not found"),
                "no BPF at all: nothing can be loaded", "sudo apt-get install libbpf1 (or sudo bin/setup)"));
        findings.add(r.memlock().map(m -> Finding.ok("memlock", "memlock limit",
                MemlockLimit.human(m.softBytes()) + " soft, " + MemlockLimit.human(m.hardBytes())
                        + " hard (libbpf raises it on kernels that still charge BPF memory to it)"))
                .orElse(Finding.missing("memlock", "memlock limit", "could not read /proc/self/limits",
                        "large ring buffers may fail to allocate on kernels before 5.11", "ulimit -l unlimited")));
        findings.add(r.qemu().map(q -> Finding.ok("qemu", "qemu", q)).orElse(Finding.missing("qemu", "qemu",
                "qemu-system-x86_64 not on PATH",
                "no VM mode: the sched_ext, fentry and LSM parts cannot be tried on this machine unless its kernel has them",
                "sudo apt-get install qemu-system-x86 (or sudo bin/setup)")));
        findings.add(r.pinnedKernel().map(k -> Finding.ok("pinned_kernel", "pinned kernel", k))
                .orElse(Finding.missing("pinned_kernel", "pinned kernel", "none in ../shared/kernels or $FRAMELOOP_KERNEL",
                        "the VM runner must download Debian's kernel packages first (network needed)",
                        "check out ../shared beside the project, or set FRAMELOOP_KERNEL to a folder with vmlinuz and modules/")));
        return findings;
    }

    /** Only the findings that are missing. */
    public static List<Finding> missing(DoctorReport r) {
        return of(r).stream().filter(f -> !f.ok()).toList();
    }

    private static Finding schedExt(DoctorReport.SchedExt s) {
        if (!s.present()) {
            return Finding.missing("sched_ext", "sched_ext", "not in this kernel",
                    "scheduler mode: the gamer scheduler cannot run here; observe mode (probes only) still records",
                    "a kernel with CONFIG_SCHED_CLASS_EXT=y (Linux 6.12+), or the VM: bin/frameloop vm -- bin/frameloop sched");
        }
        return Finding.ok("sched_ext", "sched_ext", "state " + s.state().orElse("?")
                + s.ops().map(o -> ", scheduler '" + o + "' in charge").orElse(""));
    }

    private static Finding program(ProgramKind kind, ProgramCheck c) {
        String label = kind.key() + " programs";
        StringJoiner detail = new StringJoiner("; ");
        if (!c.loads()) {
            detail.add("load failed: " + c.error());
        } else if (c.attaches() == null) {
            detail.add(c.error() != null ? "loads; " + c.error() : "loads");
        } else if (!c.attaches()) {
            detail.add("loads; attach failed: " + c.error());
        } else {
            detail.add(Boolean.TRUE.equals(c.fires()) ? "load, attach, fire"
                    : Boolean.FALSE.equals(c.fires()) ? "load, attach; did not fire when triggered" : "load, attach");
        }
        if (c.note() != null) {
            detail.add(c.note());
        }
        return c.usable() ? Finding.ok(kind.key(), label, detail.toString())
                : Finding.missing(kind.key(), label, detail.toString(), kind.costs(), kind.fix());
    }

    private static Finding privileges(BpfPrivileges p) {
        StringJoiner have = new StringJoiner(", ");
        StringJoiner lack = new StringJoiner(", ");
        for (Map.Entry<String, Integer> cap : Map.of("CAP_BPF", BpfPrivileges.CAP_BPF, "CAP_PERFMON",
                BpfPrivileges.CAP_PERFMON, "CAP_SYS_ADMIN", BpfPrivileges.CAP_SYS_ADMIN).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            (p.has(cap.getValue()) ? have : lack).add(cap.getKey());
        }
        String detail = (p.isRoot() ? "root" : "euid " + p.euid())
                + (have.length() > 0 ? "; has " + have : "") + (lack.length() > 0 ? "; lacks " + lack : "");
        return p.canTrace() && p.canRunScheduler() ? Finding.ok("privileges", "privileges", detail)
                : Finding.missing("privileges", "privileges", detail,
                "BPF programs cannot be loaded or attached: neither probes nor the scheduler run",
                "run as root (sudo bin/frameloop …), or grant CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN");
    }
}
