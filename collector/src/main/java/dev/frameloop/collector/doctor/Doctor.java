package dev.frameloop.collector.doctor;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.probe.ProbeMode;
import dev.frameloop.collector.probe.ProbeOptions;
import dev.frameloop.collector.probe.ProbeSet;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.collector.vm.Environment;
import dev.frameloop.collector.vm.KernelDir;
import dev.frameloop.collector.vm.KernelResolver;
import dev.frameloop.core.event.EventType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Finds out what this machine can do for frameloop, by trying; see {@link DoctorReport}. */
public final class Doctor {
    private static final Path VMLINUX_BTF = Path.of("/sys/kernel/btf/vmlinux");

    private final SchedExtSysfs sysfs;
    private final Supplier<Optional<Path>> kernels;

    public Doctor() {
        this(SchedExtSysfs.system(), Doctor::localGuestKernel);
    }

    Doctor(SchedExtSysfs sysfs, Supplier<Optional<Path>> kernels) {
        this.sysfs = sysfs;
        this.kernels = kernels;
    }

    public DoctorReport examine() {
        DoctorReport.SchedExt schedExt = new DoctorReport.SchedExt(sysfs.isPresent(), sysfs.state(), sysfs.rootOps());
        Optional<BpfPrivileges> privileges = privileges();
        ProgramProber prober = new ProgramProber(sysfs, privileges.map(p -> p.canTrace() && p.canRunScheduler()).orElse(false));
        Map<ProgramKind, ProgramCheck> programs = new EnumMap<>(ProgramKind.class);
        for (ProgramKind kind : ProgramKind.values()) {
            programs.put(kind, prober.probe(kind));
        }
        boolean privileged = privileges.map(p -> p.canTrace()).orElse(false);
        return new DoctorReport(Files.isReadable(VMLINUX_BTF), schedExt, programs, privileges, libbpf(),
                memlock(), onPath("qemu-system-x86_64"), kernels.get().map(Path::toString),
                LibBpf.isAvailable() && privileged ? eventSources() : Map.of());
    }

    /** Loads the probes in observe mode for a moment: where each event type would come from here. */
    private static Map<EventType, String> eventSources() {
        try (ProbeSet probes = ProbeSet.open(ProbeMode.OBSERVE, ProbeOptions.defaults())) {
            return probes.sources();
        } catch (RuntimeException e) {
            Map<EventType, String> failed = new EnumMap<>(EventType.class);
            for (EventType type : EventType.values()) {
                failed.put(type, "unavailable: the probes did not load: " + e.getMessage().lines().findFirst().orElse(""));
            }
            return failed;
        }
    }

    /** The guest kernel {@code frameloop vm} would boot without downloading one. */
    private static Optional<Path> localGuestKernel() {
        try {
            return KernelResolver.standard(Environment.system(), message -> { })
                    .findLocal(Optional.empty(), new ArrayList<>())
                    .map(KernelDir::dir);
        } catch (UserFacingException e) {
            return Optional.empty();
        }
    }

    private static Optional<BpfPrivileges> privileges() {
        try {
            return Optional.of(BpfPrivileges.ofThisProcess());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static DoctorReport.Libbpf libbpf() {
        if (!LibBpf.isAvailable()) {
            return new DoctorReport.Libbpf(false, Optional.empty(), Optional.of(LibBpf.unavailableReason()));
        }
        String version = LibBpf.libbpf_major_version() + "." + LibBpf.libbpf_minor_version();
        return new DoctorReport.Libbpf(true, Optional.of(version), Optional.empty());
    }

    private static Optional<MemlockLimit> memlock() {
        try {
            return Optional.of(MemlockLimit.parse(Files.readString(Path.of("/proc/self/limits"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
