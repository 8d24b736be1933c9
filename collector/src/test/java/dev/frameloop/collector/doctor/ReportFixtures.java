package dev.frameloop.collector.doctor;

import dev.frameloop.collector.bpf.BpfPrivileges;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Doctor reports of two machines as literal values: the build host and the guest on the pinned kernel. */
final class ReportFixtures {
    static final String EPERM = "EPERM (Operation not permitted) — refused although this process has CAP_BPF, CAP_PERFMON"
            + " and CAP_SYS_ADMIN: this kernel cannot attach this program type";

    private ReportFixtures() {
    }

    /** Host kernel 6.18 without sched_ext, fentry or LSM attach. */
    static DoctorReport host() {
        Map<ProgramKind, ProgramCheck> programs = new EnumMap<>(ProgramKind.class);
        programs.put(ProgramKind.TP_BTF, new ProgramCheck(true, true, true, null, null));
        programs.put(ProgramKind.FENTRY, ProgramCheck.loadFailed(EPERM));
        programs.put(ProgramKind.LSM, ProgramCheck.loadFailed(EPERM));
        programs.put(ProgramKind.UPROBE, new ProgramCheck(true, true, true, null, "on /usr/lib/x86_64-linux-gnu/libc.so.6:getpid of this process"));
        programs.put(ProgramKind.STRUCT_OPS, ProgramCheck.loadFailed("ENOENT (No such file or directory)"
                + " [libbpf: struct_ops init_kern: struct sched_ext_ops is not found in kernel BTF]"));
        return new DoctorReport(true, new DoctorReport.SchedExt(false, Optional.empty(), Optional.empty()), programs,
                Optional.of(new BpfPrivileges(0, 0x1ffffffffffL)),
                new DoctorReport.Libbpf(true, Optional.of("1.1"), Optional.empty()),
                Optional.of(new MemlockLimit(OptionalLong.of(8L << 20), OptionalLong.of(8L << 20))),
                Optional.of("/usr/bin/qemu-system-x86_64"), Optional.of("/work/shared/kernels/7.2.13+deb14-amd64"));
    }

    /** Guest on the pinned 7.2 kernel while gamer runs: everything there, struct_ops not registered. */
    static DoctorReport guestWithGamerRunning() {
        Map<ProgramKind, ProgramCheck> programs = new EnumMap<>(ProgramKind.class);
        for (ProgramKind k : ProgramKind.values()) {
            programs.put(k, new ProgramCheck(true, true, true, null, null));
        }
        programs.put(ProgramKind.STRUCT_OPS, new ProgramCheck(true, null, null, null,
                "not registered: scheduler 'gamer' is in charge, and the doctor does not displace it"));
        return new DoctorReport(true, new DoctorReport.SchedExt(true, Optional.of("enabled"), Optional.of("gamer")), programs,
                Optional.of(new BpfPrivileges(0, 0x1ffffffffffL)),
                new DoctorReport.Libbpf(true, Optional.of("1.1"), Optional.empty()),
                Optional.of(new MemlockLimit(OptionalLong.empty(), OptionalLong.empty())),
                Optional.empty(), Optional.empty());
    }

    /** A machine without libbpf, as an unprivileged user. */
    static DoctorReport noLibbpf() {
        Map<ProgramKind, ProgramCheck> programs = new EnumMap<>(ProgramKind.class);
        for (ProgramKind k : ProgramKind.values()) {
            programs.put(k, ProgramCheck.loadFailed("not tried: libbpf.so.1 could not be loaded"));
        }
        return new DoctorReport(true, new DoctorReport.SchedExt(false, Optional.empty(), Optional.empty()), programs,
                Optional.of(new BpfPrivileges(1000, 0)),
                new DoctorReport.Libbpf(false, Optional.empty(), Optional.of("libbpf.so.1 could not be loaded; install Debian package 'libbpf1'")),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
