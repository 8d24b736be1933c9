package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QemuCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void shouldBootTheKernelUnderTcgWithTheSharesAndOutputPorts() throws IOException {
        KernelDir kernel = new KernelDir(TestKernels.complete(tmp.resolve("kernel")));
        try (ControlFolder control = ControlFolder.create(new GuestCommand(List.of("true"), "/", Map.of()), List.of(), System.err)) {
            List<String> args = QemuCommandLine.of(new QemuCommandLine.Settings(Path.of("/usr/bin/qemu-system-x86_64"), TcgThreading.MULTI, 3,
                    MemorySize.parse("1G"), kernel, tmp.resolve("init.cpio"), control,
                    List.of(new Share("fl_share0", Path.of("/work/a,b")))));

            assertEquals("/usr/bin/qemu-system-x86_64", args.get(0));
            assertEquals("tcg,thread=multi", after(args, "-accel"));
            assertEquals("max", after(args, "-cpu"));
            assertEquals("3", after(args, "-smp"));
            assertEquals("1024M", after(args, "-m"));
            assertEquals(kernel.vmlinuz().toString(), after(args, "-kernel"));
            assertEquals(tmp.resolve("init.cpio").toString(), after(args, "-initrd"));
            assertTrue(after(args, "-append").contains("panic=-1"));
            assertTrue(args.contains("-no-reboot"));
            assertEquals("stdio", after(args, "-serial"));
            List<String> virtfs = values(args, "-virtfs");
            assertEquals(List.of(
                    "local,path=/,mount_tag=fl_root,security_model=none,multidevs=remap,readonly=on",
                    "local,path=" + control.dir() + ",mount_tag=fl_ctl,security_model=none,multidevs=remap",
                    "local,path=/work/a,,b,mount_tag=fl_share0,security_model=none,multidevs=remap"), virtfs);
            assertEquals(List.of("socket,id=fl_out,path=" + control.stdoutSocket(), "socket,id=fl_err,path=" + control.stderrSocket()),
                    values(args, "-chardev"));
            assertTrue(values(args, "-device").contains("virtserialport,chardev=fl_out,name=" + QemuCommandLine.STDOUT_PORT));
            assertTrue(values(args, "-device").contains("virtserialport,chardev=fl_err,name=" + QemuCommandLine.STDERR_PORT));
        }
    }

    @Test
    void shouldNameThePortsAsTheGuestInitLooksThemUp() {
        String init = new String(InitramfsBuilder.initScript(), java.nio.charset.StandardCharsets.UTF_8);

        assertTrue(init.contains("port " + QemuCommandLine.STDOUT_PORT), init);
        assertTrue(init.contains("port " + QemuCommandLine.STDERR_PORT), init);
        assertTrue(init.contains(" fl_root ") && init.contains(" fl_ctl "), init);
    }

    private static String after(List<String> args, String option) {
        List<String> all = values(args, option);
        assertEquals(1, all.size(), option + " given " + all.size() + " times");
        return all.get(0);
    }

    private static List<String> values(List<String> args, String option) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals(option)) {
                out.add(args.get(i + 1));
            }
        }
        return out;
    }
}
