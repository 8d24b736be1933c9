package dev.frameloop.collector.bpf;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExitKindTest {

    @Test
    void shouldMatchEveryValueOfTheKernelsScxExitKindEnum() throws IOException {
        Map<String, Long> kernel = kernelEnum();

        assertEquals(kernel.keySet().size(), ExitKind.values().length, "kinds in vmlinux.h: " + kernel);
        for (ExitKind k : ExitKind.values()) {
            assertEquals(kernel.get("SCX_EXIT_" + k.name()), (long) k.code(), k.name());
        }
    }

    @Test
    void shouldMapCodesToKindsAndLeaveUnknownCodesUnmapped() {
        assertEquals(ExitKind.ERROR_STALL, ExitKind.ofCode(1026).orElseThrow());
        assertEquals(ExitKind.UNREG, ExitKind.ofCode(64).orElseThrow());
        assertTrue(ExitKind.ofCode(4242).isEmpty());
    }

    @Test
    void shouldCallCodesFrom1024OnErrors() {
        assertTrue(ExitKind.ERROR.isError());
        assertTrue(ExitKind.ERROR_BPF.isError());
        assertFalse(ExitKind.UNREG_KERN.isError());
        assertFalse(ExitKind.DONE.isError());
    }

    @Test
    void shouldDescribeAnEjectionWithKindReasonAndMessage() {
        SchedulerExitInfo stall = new SchedulerExitInfo(1026, 0, 1, "runnable task stall",
                "kworker/1:2[80] failed to run for 30.4s");

        assertEquals("ERROR_STALL", stall.kindName());
        assertTrue(stall.isError());
        assertEquals("ERROR_STALL: runnable task stall (kworker/1:2[80] failed to run for 30.4s)", stall.describe());
    }

    @Test
    void shouldNameKindsThisVersionDoesNotKnow() {
        SchedulerExitInfo future = new SchedulerExitInfo(1100, 0, -1, "", "");

        assertEquals("UNKNOWN(1100)", future.kindName());
        assertTrue(future.isError());
        assertEquals("UNKNOWN(1100): no reason given", future.describe());
    }

    @Test
    void shouldFallBackToTheKindsMeaningWhenTheKernelGaveNoReason() {
        assertEquals("UNREG: unregistered from user space",
                new SchedulerExitInfo(64, 0, -1, "", "").describe());
    }

    /** enum scx_exit_kind as bpf/include/vmlinux.h (dumped from the pinned kernel's BTF) has it. */
    private static Map<String, Long> kernelEnum() throws IOException {
        Path vmlinux = Path.of(System.getProperty("frameloop.root", "..")).resolve("bpf/include/vmlinux.h");
        String text = Files.readString(vmlinux);
        int start = text.indexOf("enum scx_exit_kind {");
        int end = text.indexOf("};", start);
        assertTrue(start >= 0, "no enum scx_exit_kind in " + vmlinux);
        Matcher m = Pattern.compile("(SCX_EXIT_\\w+) = (\\d+)").matcher(text.substring(start, end));
        Map<String, Long> values = new LinkedHashMap<>();
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }
}
