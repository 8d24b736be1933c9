package dev.frameloop.collector.vm;

import dev.frameloop.collector.vm.KernelFetcher.KernelFetchException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns unpacked Debian kernel packages into a kernel folder laid out like {@code ../shared/kernels/<release>/}.
 * Knows both layouts: {@code usr/lib/modules/<release>/vmlinuz} (linux-binary-*, 2026) and
 * {@code boot/vmlinuz-<release>} with {@code lib/modules/<release>/kernel} (linux-image-*, before).
 */
final class DebianKernelLayout {
    private DebianKernelLayout() {
    }

    /** Moves vmlinuz, the modules and the kernel's lists out of {@code unpacked} into the new folder {@code staging}. */
    static Path arrange(Path unpacked, DebianKernelPackages selected, Path staging) throws IOException, KernelFetchException {
        String release = selected.release();
        List<Path> releaseDirs = List.of(unpacked.resolve("usr/lib/modules").resolve(release), unpacked.resolve("lib/modules").resolve(release));
        String packages = String.join(", ", selected.packages());
        Path vmlinuz = firstExisting(List.of(releaseDirs.get(0).resolve("vmlinuz"), releaseDirs.get(1).resolve("vmlinuz"),
                unpacked.resolve("boot/vmlinuz-" + release)))
                .orElseThrow(() -> new KernelFetchException(packages + " hold no vmlinuz for " + release));
        Path modules = firstExisting(List.of(releaseDirs.get(0).resolve("kernel"), releaseDirs.get(1).resolve("kernel")))
                .orElseThrow(() -> new KernelFetchException(packages + " hold no modules for " + release));
        Files.createDirectories(staging.resolve("modules"));
        Files.move(vmlinuz, staging.resolve("vmlinuz"));
        Files.move(modules, staging.resolve("modules/kernel"));
        for (String name : List.of("config", "modules.builtin", "modules.order")) {
            List<Path> candidates = new ArrayList<>();
            releaseDirs.forEach(d -> candidates.add(d.resolve(name)));
            if (name.equals("config")) {
                candidates.add(unpacked.resolve("boot/config-" + release));
            }
            Optional<Path> found = firstExisting(candidates);
            if (found.isPresent()) {
                Files.move(found.get(), staging.resolve(name));
            }
        }
        Files.writeString(staging.resolve("SOURCE"), "Fetched by frameloop vm at " + Instant.now() + " from "
                + DebianKernelFetcher.SOURCE + "\npackages: " + String.join(" ", selected.packages()) + "\n");
        return staging;
    }

    /** Deletes every module file of {@code kernelDir} that {@code modules} do not need, and the emptied folders. */
    static void keepOnly(Path kernelDir, List<String> modules, ModuleDecompressor decompressor) throws IOException, KernelFetchException {
        KernelModules available = KernelModules.scan(kernelDir);
        Set<Path> keep = new HashSet<>();
        try {
            ModuleLoadOrder.resolve(modules, name -> {
                Path file = available.file(name).orElseThrow(() -> new IllegalStateException(
                        "the fetched kernel has no module " + name + " (neither under modules/ nor in modules.builtin)"));
                keep.add(file);
                return ModuleInfo.depends(decompressor.read(file));
            }, available::isBuiltin);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new KernelFetchException(e.getMessage(), e);
        }
        // children sort after their parent, so in reverse order a folder comes after everything in it
        try (Stream<Path> walk = Files.walk(kernelDir.resolve("modules"))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> children = Files.list(p)) {
                        if (children.findAny().isEmpty()) {
                            Files.delete(p);
                        }
                    }
                } else if (!keep.contains(p)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Optional<Path> firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::exists).findFirst();
    }
}
