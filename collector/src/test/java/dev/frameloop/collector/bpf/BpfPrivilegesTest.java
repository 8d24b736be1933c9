package dev.frameloop.collector.bpf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpfPrivilegesTest {
    private static final String ROOT_STATUS = String.join("\n",
            "Name:\tjava",
            "Umask:\t0022",
            "State:\tR (running)",
            "Uid:\t0\t0\t0\t0",
            "Gid:\t0\t0\t0\t0",
            "CapInh:\t0000000000000000",
            "CapPrm:\t000001ffffffffff",
            "CapEff:\t000001ffffffffff",
            "CapBnd:\t000001ffffffffff",
            "CapAmb:\t0000000000000000",
            "NoNewPrivs:\t0");

    private static final String USER_STATUS = String.join("\n",
            "Name:\tjava",
            "Uid:\t1000\t1000\t1000\t1000",
            "CapEff:\t0000000000000000");

    /** A service given CAP_BPF (39) and CAP_PERFMON (38) but not CAP_SYS_ADMIN: 0xc0 << 32. */
    private static final String TRACER_STATUS = String.join("\n",
            "Uid:\t998\t999\t998\t998",
            "CapEff:\t000000c000000000");

    @Test
    void shouldReadEffectiveUidAndCapabilitiesOfRoot() {
        BpfPrivileges p = BpfPrivileges.parse(ROOT_STATUS);

        assertEquals(0, p.euid());
        assertEquals(0x1ffffffffffL, p.effectiveCaps());
        assertTrue(p.isRoot());
        assertTrue(p.has(BpfPrivileges.CAP_BPF));
        assertTrue(p.has(BpfPrivileges.CAP_PERFMON));
        assertTrue(p.has(BpfPrivileges.CAP_SYS_ADMIN));
        assertTrue(p.canTrace());
        assertTrue(p.canRunScheduler());
    }

    @Test
    void shouldSeeAnUnprivilegedUserCanDoNothing() {
        BpfPrivileges p = BpfPrivileges.parse(USER_STATUS);

        assertEquals(1000, p.euid());
        assertFalse(p.isRoot());
        assertFalse(p.canTrace());
        assertFalse(p.canRunScheduler());
    }

    @Test
    void shouldTakeTheEffectiveNotTheRealUid() {
        BpfPrivileges p = BpfPrivileges.parse(TRACER_STATUS);

        assertEquals(999, p.euid());
    }

    @Test
    void shouldLetBpfAndPerfmonTraceButNotRunASchedulerWithoutSysAdmin() {
        BpfPrivileges p = BpfPrivileges.parse(TRACER_STATUS);

        assertTrue(p.has(BpfPrivileges.CAP_BPF));
        assertTrue(p.has(BpfPrivileges.CAP_PERFMON));
        assertFalse(p.has(BpfPrivileges.CAP_SYS_ADMIN));
        assertTrue(p.canTrace());
        assertFalse(p.canRunScheduler());
    }

    @Test
    void shouldRejectStatusWithoutCapEff() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BpfPrivileges.parse("Name:\tx\nUid:\t0\t0\t0\t0\n"));
        assertTrue(e.getMessage().contains("CapEff"), e.getMessage());
    }

    @Test
    void shouldRejectCapabilityNumbersOutsideTheMask() {
        BpfPrivileges p = BpfPrivileges.parse(ROOT_STATUS);
        assertThrows(IllegalArgumentException.class, () -> p.has(64));
    }
}
