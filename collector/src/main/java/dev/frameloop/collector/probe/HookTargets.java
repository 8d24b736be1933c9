package dev.frameloop.collector.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the running kernel offers to hook, checked before load so that a program whose target is
 * missing is not even tried: kernel functions (/proc/kallsyms, modules included), classic
 * tracepoints (tracefs), the BPF LSM (/sys/kernel/security/lsm), kernel BTF, uprobe events.
 */
final class HookTargets {
    private static final Path[] TRACEFS = {Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing")};
    private static final Path LSM_LIST = Path.of("/sys/kernel/security/lsm");
    private static final Path KERNEL_BTF = Path.of("/sys/kernel/btf/vmlinux");
    private static final Path UPROBE_PMU = Path.of("/sys/bus/event_source/devices/uprobe");

    private Set<String> functions;

    /** Why {@code program} cannot work here, or empty when it may (the kernel has the last word at load and attach). */
    Optional<String> missing(ProbeProgram program) {
        switch (program.kind()) {
            case FENTRY:
                return kernelFunctions().contains(program.target()) ? Optional.empty()
                        : Optional.of("the kernel has no function " + program.target() + " (not in /proc/kallsyms; its module not loaded?)");
            case TRACEPOINT:
                for (Path root : TRACEFS) {
                    if (Files.exists(root.resolve("events").resolve(program.target()).resolve("id"))) {
                        return Optional.empty();
                    }
                }
                boolean mounted = Stream.of(TRACEFS).anyMatch(r -> Files.isDirectory(r.resolve("events")));
                return Optional.of(mounted ? "no tracepoint " + program.target()
                        : "tracefs is not mounted (mount -t tracefs nodev /sys/kernel/tracing)");
            case LSM:
                try {
                    if (Files.isReadable(LSM_LIST) && !Files.readString(LSM_LIST).contains("bpf")) {
                        return Optional.of("the BPF LSM is not active (no 'bpf' in " + LSM_LIST + "; boot with lsm=...,bpf)");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + LSM_LIST, e);
                }
                return Optional.empty();
            case TP_BTF:
                return Files.exists(KERNEL_BTF) ? Optional.empty() : Optional.of("the kernel has no BTF (" + KERNEL_BTF + ")");
            case UPROBE:
                return Files.exists(UPROBE_PMU) ? Optional.empty()
                        : Optional.of("the kernel has no uprobe events (no " + UPROBE_PMU + ": CONFIG_UPROBE_EVENTS)");
            default:
                return Optional.empty();
        }
    }

    private Set<String> kernelFunctions() {
        if (functions == null) {
            Set<String> names = new HashSet<>();
            try (Stream<String> lines = Files.lines(Path.of("/proc/kallsyms"))) {
                lines.forEach(line -> {
                    String[] f = line.split("\\s+");
                    if (f.length >= 3 && (f[1].equals("T") || f[1].equals("t"))) {
                        names.add(f[2]);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("reading /proc/kallsyms", e);
            }
            functions = names;
        }
        return functions;
    }
}
