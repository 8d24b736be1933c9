package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder holding a guest kernel, laid out like {@code ../shared/kernels/<version>/}: {@code vmlinuz},
 * {@code modules/} (module files at any depth), and optionally {@code config} and {@code modules.builtin}.
 */
public record KernelDir(Path dir) {
    /** Options the runner relies on; checked only when the folder has a {@code config}. */
    private static final List<String> REQUIRED_CONFIG = List.of(
            "CONFIG_BLK_DEV_INITRD=y",   // boots from our initramfs
            "CONFIG_DEVTMPFS=y",         // /dev in the guest
            "CONFIG_VIRTIO_PCI=y",       // 9p shares and the output ports sit on virtio-pci
            "CONFIG_VIRTIO_CONSOLE=y");  // the command's stdout/stderr ports

    public KernelDir {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path vmlinuz() {
        return dir.resolve("vmlinuz");
    }

    public Path modulesDir() {
        return dir.resolve("modules");
    }

    /** Why this folder cannot boot a guest with {@code modules}, or empty when it can. */
    public Optional<String> problem(List<String> modules) {
        if (!Files.isDirectory(dir)) {
            return Optional.of(Files.exists(dir) ? "not a folder" : "does not exist");
        }
        if (!Files.isRegularFile(vmlinuz())) {
            return Optional.of("no vmlinuz in it");
        }
        if (!Files.isReadable(vmlinuz())) {
            return Optional.of("vmlinuz is not readable");
        }
        if (!Files.isDirectory(modulesDir()) && !Files.isRegularFile(dir.resolve("modules.builtin"))) {
            return Optional.of("no modules/ folder in it");
        }
        KernelModules available = KernelModules.scan(dir);
        List<String> missing = modules.stream().filter(m -> !available.provides(m)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("modules missing from modules/ (and not in modules.builtin): " + String.join(", ", missing));
        }
        List<String> config = configLines();
        if (!config.isEmpty()) {
            List<String> lacking = new ArrayList<>();
            for (String option : REQUIRED_CONFIG) {
                if (!config.contains(option)) {
                    lacking.add(option);
                }
            }
            if (!lacking.isEmpty()) {
                return Optional.of("its config lacks " + String.join(", ", lacking));
            }
        }
        return Optional.empty();
    }

    private List<String> configLines() {
        Path config = dir.resolve("config");
        if (!Files.isReadable(config)) {
            return List.of();
        }
        try {
            return Files.readAllLines(config).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
    }
}
