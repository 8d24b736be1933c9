package dev.frameloop.collector.testing;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.core.testing.MachineRequirements;


/**
 * Preconditions of host tests that need the real kernel, under {@link MachineRequirements}' rule
 * (fail in CI, skip elsewhere).
 */
public final class HostRequirements {
    private HostRequirements() {
    }

    public static void require(boolean present, String whatIsMissing) {
        MachineRequirements.require(present, whatIsMissing);
    }

    public static void requireLibbpf() {
        require(LibBpf.isAvailable(), String.valueOf(LibBpf.unavailableReason()));
    }

    /** libbpf, and the privileges to load and attach BPF (root, or CAP_BPF + CAP_PERFMON + CAP_SYS_ADMIN). */
    public static void requireBpfPrivileges() {
        requireLibbpf();
        BpfPrivileges p = BpfPrivileges.ofThisProcess();
        require(p.canTrace() && p.canRunScheduler(), "root (or CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN); euid is " + p.euid()
                + " — run the tests as root (sudo bin/test)");
    }
}
