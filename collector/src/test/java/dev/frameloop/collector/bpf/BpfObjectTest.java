package dev.frameloop.collector.bpf;

import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.probe.ProbeCatalog;
import dev.frameloop.collector.probe.ProbeProgram;
import dev.frameloop.collector.testing.HostRequirements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening objects and reading their BTF needs libbpf but no privileges and no kernel support. */
class BpfObjectTest {

    @BeforeEach
    void needsLibbpf() {
        HostRequirements.requireLibbpf();
    }

    @Test
    void shouldOpenGamerFromTheClasspathWithEveryCallback() {
        try (BpfObject gamer = BpfObject.openResource("gamer")) {
            Map<String, String> sections = gamer.programs().stream()
                    .collect(Collectors.toMap(BpfProgram::name, BpfProgram::sectionName));

            assertEquals("struct_ops/gamer_select_cpu", sections.get("gamer_select_cpu"));
            assertEquals("struct_ops/sleepable/gamer_init", sections.get("gamer_init"));
            assertEquals(List.of("gamer_select_cpu", "gamer_enqueue", "gamer_dispatch", "gamer_running", "gamer_stopping",
                    "gamer_set_cpumask", "gamer_init_task", "gamer_exit_task", "gamer_enable", "gamer_init",
                    "gamer_exit_cb").stream().sorted().toList(),
                    sections.entrySet().stream().filter(e -> e.getValue().startsWith("struct_ops/")).map(Map.Entry::getKey)
                            .sorted().toList());
            // the rest: the probes of bpf/include/frameloop/probes, exactly as the loader's catalog names them
            assertEquals(ProbeCatalog.all().stream().flatMap(c -> java.util.stream.IntStream.range(0, c.candidates().size())
                            .boxed().flatMap(i -> c.programsOf(i).stream())).map(ProbeProgram::name).sorted().toList(),
                    sections.entrySet().stream().filter(e -> !e.getValue().startsWith("struct_ops/")).map(Map.Entry::getKey)
                            .sorted().toList());
            assertEquals(LibBpf.BPF_MAP_TYPE_STRUCT_OPS, gamer.map("gamer_ops").type());
            assertEquals(LibBpf.BPF_MAP_TYPE_PERCPU_ARRAY, gamer.map("gamer_stats").type());
            assertEquals("gamer.bss", gamer.map(".bss").name());
        }
    }

    @Test
    void shouldLocateTheExitRecordAndItsMembersThroughBtf() {
        try (BpfObject gamer = BpfObject.openResource("gamer")) {
            ObjectBtf btf = gamer.btf();
            ObjectBtf.GlobalVariable exit = btf.global(".bss", "gamer_exit");
            StructLayout layout = btf.struct(exit.typeId());

            assertEquals("fl_exit_info", layout.name());
            assertEquals(layout.size(), exit.size());
            assertEquals(List.of("exit_code", "kind", "exit_cpu", "reason", "msg"),
                    layout.members().stream().map(StructLayout.Member::name).toList());
            assertEquals(8, layout.member("exit_code").size());
            assertEquals(4, layout.member("kind").size());
            assertEquals(128, layout.member("reason").size());
            assertEquals(1024, layout.member("msg").size());
            assertEquals(List.of("direct_dispatches", "shared_enqueues", "idle_kicks", "dispatches", "preempt_kicks",
                    "idle_picks_whole_core", "idle_picks_busy_sibling", "stalled_enqueues", "policy_lookups", "policy_applied", "policy_expired", "class_changes",
                    "deadline_misses", "migrations"),
                    btf.struct("gamer_stats").members().stream().map(StructLayout.Member::name).toList());
        }
    }

    @Test
    void shouldMarkSleepableCallbacksAndMakeTheOpsMapLinkBased() {
        try (StructOpsScheduler gamer = StructOpsSchedulerFixture.gamer()) {
            BpfObject object = gamer.object();

            assertTrue(object.program("gamer_init").isSleepable());
            assertFalse(object.program("gamer_enqueue").isSleepable());
            assertFalse(object.isLoaded());
        }
    }

    @Test
    void shouldFailFastOnNamesTheObjectDoesNotHave() {
        try (BpfObject gamer = BpfObject.openResource("gamer")) {
            assertThrows(IllegalArgumentException.class, () -> gamer.program("gamer_tick"));
            assertThrows(IllegalArgumentException.class, () -> gamer.map("no_such_map"));
            assertThrows(IllegalArgumentException.class, () -> gamer.btf().global(".bss", "nothing"));
            assertThrows(IllegalArgumentException.class, () -> StructOpsScheduler.prepare(gamer, "gamer_stats", "gamer_exit"));
        }
    }

    @Test
    void shouldRefuseUseAfterClose() {
        BpfObject gamer = BpfObject.openResource("gamer");
        BpfMap ops = gamer.map("gamer_ops");
        gamer.close();
        gamer.close();

        assertThrows(IllegalStateException.class, ops::name);
        assertThrows(IllegalStateException.class, gamer::programs);
    }

    @Test
    void shouldOpenAnObjectFileAndNameItAfterTheFile() {
        Path file = Path.of(System.getProperty("frameloop.root", "..")).resolve("bpf/target/classes/bpf/doctor.bpf.o");
        try (BpfObject doctor = BpfObject.openFile(file)) {
            assertEquals("doctor", doctor.name());
            assertEquals(List.of("doctor_tp_btf", "doctor_fentry", "doctor_lsm", "doctor_uprobe"),
                    doctor.programs().stream().map(BpfProgram::name).toList());
            assertEquals("doctor.bss", doctor.map(".bss").name());
        }
    }

    @Test
    void shouldNameAMissingResource() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BpfObject.openResource("no_such"));
        assertTrue(e.getMessage().contains("/bpf/no_such.bpf.o"), e.getMessage());
    }

    @Test
    void shouldRejectConfigurationThatNeedsALoadedObject() {
        try (BpfObject gamer = BpfObject.openResource("gamer")) {
            assertThrows(IllegalStateException.class, () -> gamer.map("gamer_stats").fd());
            assertThrows(IllegalStateException.class, () -> gamer.program("gamer_enqueue").attach());
        }
    }
}
