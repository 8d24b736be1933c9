package dev.frameloop.collector.doctor;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorFindingsTest {

    private static Finding find(List<Finding> findings, String key) {
        return findings.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    @Test
    void shouldListEveryCheckOnceInReportOrder() {
        List<String> keys = DoctorFindings.of(ReportFixtures.host()).stream().map(Finding::key).toList();

        assertEquals(List.of("btf", "sched_ext", "tp_btf", "fentry", "lsm", "uprobe", "struct_ops",
                "privileges", "libbpf", "memlock", "qemu", "pinned_kernel"), keys);
    }

    @Test
    void shouldReportWhatTheHostLacksWithCostAndFix() {
        List<Finding> missing = DoctorFindings.missing(ReportFixtures.host());

        assertEquals(List.of("sched_ext", "fentry", "lsm", "struct_ops"), missing.stream().map(Finding::key).toList());
        Finding fentry = find(missing, "fentry");
        assertTrue(fentry.detail().startsWith("load failed: EPERM"), fentry.detail());
        assertTrue(fentry.costs().contains("sys_enter_ioctl"), fentry.costs());
        assertNotNull(fentry.fix());
    }

    @Test
    void shouldCountASkippedRegistrationAsUsableAndSayWhy() {
        List<Finding> findings = DoctorFindings.of(ReportFixtures.guestWithGamerRunning());

        Finding structOps = find(findings, "struct_ops");
        assertTrue(structOps.ok());
        assertTrue(structOps.detail().contains("scheduler 'gamer' is in charge"), structOps.detail());
        assertEquals("state enabled, scheduler 'gamer' in charge", find(findings, "sched_ext").detail());
    }

    @Test
    void shouldFlagAProgramThatLoadsButDoesNotAttach() {
        Map<ProgramKind, ProgramCheck> programs = new EnumMap<>(ReportFixtures.host().programs());
        programs.put(ProgramKind.UPROBE, new ProgramCheck(true, false, null, "ENOENT (No such file or directory)", null));
        DoctorReport r = ReportFixtures.host();
        DoctorReport changed = new DoctorReport(r.btf(), r.schedExt(), programs, r.privileges(), r.libbpf(), r.memlock(), r.qemu(), r.pinnedKernel());

        Finding uprobe = find(DoctorFindings.of(changed), "uprobe");
        assertFalse(uprobe.ok());
        assertEquals("loads; attach failed: ENOENT (No such file or directory)", uprobe.detail());
    }

    @Test
    void shouldFlagAProgramThatAttachesButNeverFires() {
        Map<ProgramKind, ProgramCheck> programs = new EnumMap<>(ReportFixtures.host().programs());
        programs.put(ProgramKind.TP_BTF, new ProgramCheck(true, true, false, null, null));
        DoctorReport r = ReportFixtures.host();
        DoctorReport changed = new DoctorReport(r.btf(), r.schedExt(), programs, r.privileges(), r.libbpf(), r.memlock(), r.qemu(), r.pinnedKernel());

        assertEquals("load, attach; did not fire when triggered", find(DoctorFindings.of(changed), "tp_btf").detail());
    }

    @Test
    void shouldTellAnUnprivilegedUserWithoutLibbpfWhatToInstallAndHowToRun() {
        List<Finding> findings = DoctorFindings.of(ReportFixtures.noLibbpf());

        Finding libbpf = find(findings, "libbpf");
        assertFalse(libbpf.ok());
        assertTrue(libbpf.fix().contains("apt-get install libbpf1"), libbpf.fix());
        Finding privileges = find(findings, "privileges");
        assertFalse(privileges.ok());
        assertEquals("euid 1000; lacks CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN", privileges.detail());
        assertTrue(find(findings, "qemu").fix().contains("qemu-system-x86"));
        assertTrue(find(findings, "pinned_kernel").fix().contains("FRAMELOOP_KERNEL"));
    }

    @Test
    void shouldRefuseAMissingFindingWithoutCostOrFix() {
        assertThrows(IllegalArgumentException.class, () -> new Finding("x", "x", false, "gone", null, "do y"));
    }

    @Test
    void shouldRefuseAReportThatSkipsAProgramKind() {
        DoctorReport r = ReportFixtures.host();
        Map<ProgramKind, ProgramCheck> programs = new EnumMap<>(r.programs());
        programs.remove(ProgramKind.LSM);
        assertThrows(IllegalArgumentException.class, () -> new DoctorReport(r.btf(), r.schedExt(), programs,
                r.privileges(), r.libbpf(), r.memlock(), r.qemu(), r.pinnedKernel()));
    }
}
