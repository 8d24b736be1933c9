package dev.frameloop.collector.bpf;

import dev.frameloop.collector.jna.Errno;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpfExceptionTest {

    @Test
    void shouldNameTheOperationTheErrnoItsHintAndTheLogTail() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            log.append("line ").append(i).append('\n');
        }
        log.append("program must be sleepable to call sleepable kfunc scx_bpf_create_dsq\n");

        BpfException e = new BpfException("loading gamer.bpf.o", -Errno.EACCES, log.toString());

        assertEquals(Errno.EACCES, e.errno());
        assertTrue(e.getMessage().startsWith("loading gamer.bpf.o failed: EACCES"), e.getMessage());
        assertTrue(e.getMessage().contains("the verifier rejected a program"), e.getMessage());
        assertTrue(e.getMessage().endsWith("program must be sleepable to call sleepable kfunc scx_bpf_create_dsq"), e.getMessage());
        assertTrue(e.getMessage().contains("line 99"), e.getMessage());
        assertFalse(e.getMessage().contains("line 50\n"), "only the tail: " + e.getMessage());
    }

    @Test
    void shouldLeaveTheLogOutOfTheSummary() {
        BpfException e = new BpfException("attaching doctor_fentry", 1, "libbpf: prog 'doctor_fentry': failed\n");

        assertTrue(e.summary().startsWith("attaching doctor_fentry failed: EPERM"), e.summary());
        assertFalse(e.summary().contains("libbpf:"), e.summary());
    }

    @Test
    void shouldHintAtTheUsualCauseOfCommonErrnos() {
        assertTrue(BpfErrorHints.hint(-Errno.EPERM).contains("root"));
        assertTrue(BpfErrorHints.hint(Errno.EBUSY).contains("another scheduler"));
        assertTrue(BpfErrorHints.hint(Errno.ENOTSUPP).contains("does not support"));
        assertEquals(null, BpfErrorHints.hint(Errno.ERANGE));
    }

    @Test
    void shouldNameErrnosAndDescribeTheKernelInternalOne() {
        assertEquals("EOPNOTSUPP", Errno.name(-95));
        assertEquals("errno 4242", Errno.name(4242));
        assertEquals("ENOTSUPP (Operation not supported by the kernel)", Errno.describe(524));
    }
}
