package dev.frameloop.collector.bpf;

import dev.frameloop.collector.testing.HostRequirements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading, attaching and map access against this machine's kernel, as root. */
class BpfLoadHostTest {

    @BeforeEach
    void needsPrivileges() {
        HostRequirements.requireBpfPrivileges();
    }

    private static BpfObject doctorWithOnly(String program) {
        BpfObject doctor = BpfObject.openResource("doctor");
        for (BpfProgram p : doctor.programs()) {
            p.setAutoload(p.name().equals(program));
        }
        return doctor;
    }

    @Test
    void shouldPutTheKernelsReasonForRejectingAProgramIntoTheException() {
        try (BpfObject doctor = doctorWithOnly("doctor_tp_btf")) {
            doctor.program("doctor_tp_btf").setSleepable(); // tracepoints may not sleep: the verifier refuses

            BpfException e = assertThrows(BpfException.class, doctor::load);

            assertEquals("loading doctor.bpf.o", e.operation());
            assertTrue(e.getMessage().contains("can be sleepable"), e.getMessage());
            assertTrue(e.getMessage().contains("--- libbpf log"), e.getMessage());
            assertTrue(e.libbpfLog().contains("prog 'doctor_tp_btf'"), e.libbpfLog());
        }
    }

    @Test
    void shouldAttachATracepointAndReadAndWriteItsCounterThroughTheBssMap() throws InterruptedException {
        try (BpfObject doctor = doctorWithOnly("doctor_tp_btf")) {
            doctor.load();
            BpfMap bss = doctor.map(".bss");
            ObjectBtf.GlobalVariable hits = doctor.btf().global(".bss", "tp_btf_hits");
            assertEquals(0, doctor.readGlobal(".bss", "tp_btf_hits").asLong());

            BpfLink link = doctor.program("doctor_tp_btf").attach();
            Thread.sleep(20);
            link.close();
            long counted = doctor.readGlobal(".bss", "tp_btf_hits").asLong();
            assertTrue(counted > 0, "sched_switch fired " + counted + " times");

            byte[] section = new byte[bss.valueSize()];
            assertTrue(bss.lookup(new byte[4], section));
            ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN).putLong(hits.offset(), 42);
            bss.update(new byte[4], section, 0);
            assertEquals(42, doctor.readGlobal(".bss", "tp_btf_hits").asLong(), "no longer attached: nothing else counts");
            assertEquals(1, bss.maxEntries());
            assertFalse(bss.lookup(new byte[] {1, 0, 0, 0}, section), "a data section map has only key 0");
        }
    }

    @Test
    void shouldRejectKeysOfTheWrongSize() {
        try (BpfObject doctor = doctorWithOnly("doctor_tp_btf")) {
            doctor.load();
            BpfMap bss = doctor.map(".bss");
            assertThrows(IllegalArgumentException.class, () -> bss.lookup(new byte[8], new byte[bss.valueSize()]));
            assertThrows(IllegalArgumentException.class, () -> bss.lookup(new byte[4], new byte[1]));
        }
    }
}
