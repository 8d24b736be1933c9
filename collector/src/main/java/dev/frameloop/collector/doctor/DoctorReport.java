package dev.frameloop.collector.doctor;

import dev.frameloop.core.event.EventType;

import dev.frameloop.collector.bpf.BpfPrivileges;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code frameloop doctor} found out about this machine. Values, no behaviour:
 * {@link DoctorFindings} judges them, {@link DoctorReportText} and {@link DoctorReportJson} print them.
 *
 * @param btf          the kernel exposes its BTF ({@code /sys/kernel/btf/vmlinux})
 * @param schedExt     sched_ext status
 * @param programs     what trying each program kind showed, in {@link ProgramKind} order
 * @param privileges   this process's uid and capabilities; empty when they could not be read
 * @param libbpf       the libbpf library
 * @param memlock      RLIMIT_MEMLOCK; empty when it could not be read
 * @param qemu         path of qemu-system-x86_64 on PATH, empty when absent
 * @param pinnedKernel folder of a test kernel the VM can boot, empty when none was found
 * @param eventSources where each event type comes from in observe mode ("tp_btf:sched_process_exec",
 *                     "unavailable: …"), as the probe loader attached them; empty when they could not be loaded
 */
public record DoctorReport(boolean btf, SchedExt schedExt, Map<ProgramKind, ProgramCheck> programs,
                           Optional<BpfPrivileges> privileges, Libbpf libbpf, Optional<MemlockLimit> memlock,
                           Optional<String> qemu, Optional<String> pinnedKernel, Map<EventType, String> eventSources) {

    public DoctorReport {
        if (!programs.keySet().containsAll(java.util.EnumSet.allOf(ProgramKind.class))) {
            throw new IllegalArgumentException("a report needs a check for every program kind, has " + programs.keySet());
        }
        programs = java.util.Collections.unmodifiableMap(new EnumMap<>(programs));
        eventSources = java.util.Collections.unmodifiableMap(eventSources.isEmpty() ? Map.of() : new EnumMap<>(eventSources));
    }

    /** A report without event sources (the probes were not loaded). */
    public DoctorReport(boolean btf, SchedExt schedExt, Map<ProgramKind, ProgramCheck> programs,
                        Optional<BpfPrivileges> privileges, Libbpf libbpf, Optional<MemlockLimit> memlock,
                        Optional<String> qemu, Optional<String> pinnedKernel) {
        this(btf, schedExt, programs, privileges, libbpf, memlock, qemu, pinnedKernel, Map.of());
    }

    /**
     * @param present the kernel has sched_ext
     * @param state   /sys/kernel/sched_ext/state, empty when not present
     * @param ops     the scheduler in charge, empty when none
     */
    public record SchedExt(boolean present, Optional<String> state, Optional<String> ops) {
    }

    /**
     * @param available libbpf.so.1 loaded
     * @param version   "1.1", empty when not available
     * @param error     why it is not available, empty when it is
     */
    public record Libbpf(boolean available, Optional<String> version, Optional<String> error) {
    }
}
