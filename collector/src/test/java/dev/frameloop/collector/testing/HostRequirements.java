package dev.frameloop.collector.testing;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.jna.LibBpf;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Preconditions of host tests that need the real kernel: in CI ({@code CI=true}) a missing one fails
 * the test with what is missing; elsewhere the test is skipped with that message.
 */
public final class HostRequirements {
    private HostRequirements() {
    }

    public static void require(boolean present, String whatIsMissing) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI machine lacks what this test needs: " + whatIsMissing);
        }
        assumeTrue(false, "skipped: " + whatIsMissing);
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
