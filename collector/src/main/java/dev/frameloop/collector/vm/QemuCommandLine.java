package dev.frameloop.collector.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The qemu command line of a guest: TCG (KVM fails on the build machines; see {@link TcgThreading}), no default devices, the
 * serial console on qemu's stdio, the host root read-only and the control folder and shares read-write
 * over 9p, and two virtio-serial ports whose host ends connect to the runner's sockets.
 */
final class QemuCommandLine {
    /**
     * quiet + loglevel=4: only kernel errors (e.g. a sched_ext scheduler's error exit) reach the console;
     * panic=-1 with -no-reboot ends qemu on a panic; no_timer_check skips the IO-APIC timer probe, which fails
     * spuriously ("MP-BIOS bug: 8254 timer not connected") when a busy host delays the emulated CPU.
     */
    static final String KERNEL_ARGUMENTS = "console=ttyS0 quiet loglevel=4 panic=-1 no_timer_check";
    static final String STDOUT_PORT = "frameloop.stdout";
    static final String STDERR_PORT = "frameloop.stderr";

    private QemuCommandLine() {
    }

    /** The settings one run needs. */
    record Settings(Path qemu, TcgThreading tcg, int cpus, MemorySize memory, KernelDir kernel, Path initramfs,
                    ControlFolder control, List<Share> shares) {
    }

    static List<String> of(Settings s) {
        List<String> args = new ArrayList<>(List.of(
                s.qemu().toString(),
                "-accel", "tcg,thread=" + s.tcg().qemuValue(),
                "-cpu", "max",
                "-smp", Integer.toString(s.cpus()),
                "-m", s.memory().qemuArgument(),
                "-nodefaults", "-no-user-config",
                "-display", "none",
                "-serial", "stdio",
                "-no-reboot",
                "-kernel", s.kernel().vmlinuz().toString(),
                "-initrd", s.initramfs().toString(),
                "-append", KERNEL_ARGUMENTS));
        virtfs(args, "fl_root", Path.of("/"), true);
        virtfs(args, "fl_ctl", s.control().dir(), false);
        for (Share share : s.shares()) {
            virtfs(args, share.tag(), share.hostPath(), false);
        }
        args.addAll(List.of("-device", "virtio-serial-pci"));
        port(args, "fl_out", s.control().stdoutSocket(), STDOUT_PORT);
        port(args, "fl_err", s.control().stderrSocket(), STDERR_PORT);
        return args;
    }

    private static void virtfs(List<String> args, String tag, Path path, boolean readOnly) {
        args.add("-virtfs");
        args.add("local,path=" + escape(path.toString()) + ",mount_tag=" + tag + ",security_model=none,multidevs=remap"
                + (readOnly ? ",readonly=on" : ""));
    }

    private static void port(List<String> args, String id, Path socket, String name) {
        args.addAll(List.of("-chardev", "socket,id=" + id + ",path=" + escape(socket.toString()),
                "-device", "virtserialport,chardev=" + id + ",name=" + name));
    }

    /** qemu option values end at a comma; a literal comma is written twice. */
    static String escape(String value) {
        return value.replace(",", ",,");
    }
}
