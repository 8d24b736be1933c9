package dev.frameloop.collector.doctor;

import dev.frameloop.collector.probe.ProcMaps;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParsersTest {
    private static final String LIMITS = String.join("\n",
            "Limit                     Soft Limit           Hard Limit           Units     ",
            "Max cpu time              unlimited            unlimited            seconds   ",
            "Max open files            1048576              1048576              files     ",
            "Max locked memory         8388608              unlimited            bytes     ",
            "Max address space         unlimited            unlimited            bytes     ");

    private static final String MAPS = String.join("\n",
            "55d0c7a00000-55d0c7a01000 r--p 00000000 00:1f 1234                       /usr/lib/jvm/java-17-openjdk-amd64/bin/java",
            "7f3c1c000000-7f3c1c021000 rw-p 00000000 00:00 0 ",
            "7f3c2a1a0000-7f3c2a1c6000 r--p 00000000 00:1f 5678                       /usr/lib/x86_64-linux-gnu/libcrypt.so.1",
            "7f3c2a200000-7f3c2a226000 r--p 00000000 00:1f 9012                       /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f3c2a226000-7f3c2a37b000 r-xp 00026000 00:1f 9012                       /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7ffd5e9f0000-7ffd5ea11000 rw-p 00000000 00:00 0                          [stack]");

    @Test
    void shouldReadTheMemlockLimitsFromProcLimits() {
        MemlockLimit m = MemlockLimit.parse(LIMITS);

        assertEquals(OptionalLong.of(8388608), m.softBytes());
        assertEquals(OptionalLong.empty(), m.hardBytes());
    }

    @Test
    void shouldRejectLimitsWithoutAMemlockLine() {
        assertThrows(IllegalArgumentException.class, () -> MemlockLimit.parse("Limit Soft Hard Units\n"));
    }

    @Test
    void shouldPrintSizesInTheLargestWholeUnit() {
        assertEquals("8 MiB", MemlockLimit.human(OptionalLong.of(8L << 20)));
        assertEquals("64 KiB", MemlockLimit.human(OptionalLong.of(65536)));
        assertEquals("2 GiB", MemlockLimit.human(OptionalLong.of(2L << 30)));
        assertEquals("1000 bytes", MemlockLimit.human(OptionalLong.of(1000)));
        assertEquals("unlimited", MemlockLimit.human(OptionalLong.empty()));
    }

    @Test
    void shouldFindTheMappedLibcButNotALibraryWithALongerName() {
        assertEquals(Optional.of("/usr/lib/x86_64-linux-gnu/libc.so.6"), ProcMaps.findLibrary(MAPS, "libc.so"));
        assertEquals(Optional.of("/usr/lib/x86_64-linux-gnu/libcrypt.so.1"), ProcMaps.findLibrary(MAPS, "libcrypt.so"));
        assertEquals(Optional.empty(), ProcMaps.findLibrary(MAPS, "libvulkan.so"));
    }

    @Test
    void shouldPickTheLineOfALibbpfLogThatNamesTheCause() {
        String log = "libbpf: prog 'doctor_fentry': BPF program load failed: Operation not permitted\n"
                + "libbpf: permission error while running as root; try raising 'ulimit -l'? current value: 8.0 MiB\n"
                + "libbpf: prog 'doctor_fentry': failed to load: -1\n"
                + "libbpf: failed to load object 'doctor'\n";

        assertEquals(Optional.of("prog 'doctor_fentry': BPF program load failed: Operation not permitted"),
                ProgramProber.tellingLine(log));
        assertEquals(Optional.of("struct_ops init_kern: struct sched_ext_ops is not found in kernel BTF"),
                ProgramProber.tellingLine("libbpf: struct_ops init_kern: struct sched_ext_ops is not found in kernel BTF\n"
                        + "libbpf: failed to load object 'doctor_sched'\n"));
        assertEquals(Optional.empty(), ProgramProber.tellingLine(""));
    }
}
