package dev.frameloop.collector.doctor;

import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.collector.testing.HostRequirements;
import dev.frameloop.core.event.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The doctor on this machine's real kernel, as root. Every BTF kernel can run tp_btf and uprobe programs;
 * struct_ops must work exactly when the kernel has sched_ext; fentry and LSM (absent on the build machines,
 * present in the guest — see DoctorVmIT) either work fully or fail with a reason the kernel gave.
 */
class DoctorHostTest {
    private static DoctorReport report;

    @BeforeAll
    static void examineThisMachine() {
        HostRequirements.requireBpfPrivileges();
        report = new Doctor().examine();
    }

    @Test
    void shouldLoadAttachAndFireBtfTracepointsAndUprobes() {
        for (ProgramKind kind : List.of(ProgramKind.TP_BTF, ProgramKind.UPROBE)) {
            ProgramCheck c = report.programs().get(kind);
            assertEquals(new ProgramCheck(true, true, true, null, c.note()), c, kind.key());
        }
        assertTrue(report.programs().get(ProgramKind.UPROBE).note().contains("libc.so"), report.programs().get(ProgramKind.UPROBE).note());
    }

    @Test
    void shouldLoadStructOpsExactlyWhenTheKernelHasSchedExt() {
        boolean schedExt = Files.isRegularFile(Path.of("/sys/kernel/sched_ext/state"));
        ProgramCheck structOps = report.programs().get(ProgramKind.STRUCT_OPS);

        assertEquals(schedExt, report.schedExt().present());
        assertEquals(schedExt, structOps.loads(), String.valueOf(structOps.error()));
        if (!schedExt) {
            assertTrue(structOps.error().contains("sched_ext_ops is not found in kernel BTF"), structOps.error());
            assertNull(structOps.attaches());
        }
    }

    @Test
    void shouldEitherRunFentryAndLsmFullyOrSayWhyTheKernelRefused() {
        for (ProgramKind kind : List.of(ProgramKind.FENTRY, ProgramKind.LSM)) {
            ProgramCheck c = report.programs().get(kind);
            if (c.loads()) {
                assertEquals(new ProgramCheck(true, true, true, null, null), c, kind.key());
            } else {
                assertNotNull(c.error(), kind.key());
                assertTrue(List.of(Errno.EPERM, Errno.EOPNOTSUPP, Errno.ENOTSUPP, Errno.EINVAL, Errno.ENOENT).stream()
                        .anyMatch(e -> c.error().startsWith(Errno.name(e) + " ")), kind.key() + ": " + c.error());
                assertTrue(c.error().contains("refused although this process has CAP_BPF") || !c.error().startsWith("EPERM"),
                        "a privileged EPERM must say the kernel refused: " + c.error());
            }
        }
    }

    @Test
    void shouldNameTheSourceOfEveryEventTypeFromTheProbesItLoaded() {
        assertEquals(EventType.values().length, report.eventSources().size(), report.eventSources().toString());
        String process = report.eventSources().get(EventType.PROCESS);
        assertTrue(process.startsWith("lsm:bprm_committed_creds") || process.startsWith("tp_btf:sched_process_exec")
                || process.startsWith("tracepoint:sched/sched_process_exec"), process);
        String input = report.eventSources().get(EventType.INPUT);
        assertTrue(input.equals("fentry:input_event") || input.startsWith("unavailable: input: fentry:input_event: "), input);
    }

    @Test
    void shouldSeeThePrivilegesAndLibbpfItRunsWith() {
        assertTrue(report.privileges().orElseThrow().canRunScheduler());
        assertTrue(report.libbpf().available());
        assertTrue(report.libbpf().version().orElseThrow().matches("\\d+\\.\\d+"), report.libbpf().version().get());
        assertTrue(report.btf());
        assertEquals(SchedExtSysfs.system().isPresent(), report.schedExt().present());
        assertTrue(report.memlock().isPresent());
    }
}
