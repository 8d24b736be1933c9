package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Kernel folders for tests: a fake vmlinuz and modules whose .modinfo names their dependencies. */
final class TestKernels {
    private TestKernels() {
    }

    /** A folder with vmlinuz and one uncompressed module per entry of {@code modules} (name → depends). */
    static Path create(Path dir, Map<String, String> modules) {
        try {
            Files.createDirectories(dir.resolve("modules/kernel/drivers"));
            Files.writeString(dir.resolve("vmlinuz"), "not really a kernel");
            for (Map.Entry<String, String> m : modules.entrySet()) {
                Files.write(dir.resolve("modules/kernel/drivers/" + m.getKey() + ".ko"), TestElf.module(m.getKey(), m.getValue()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder that provides every module the guest needs, with no dependencies between them. */
    static Path complete(Path dir) {
        Map<String, String> modules = new java.util.LinkedHashMap<>();
        GuestModules.REQUIRED.forEach(m -> modules.put(m, ""));
        return create(dir, modules);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(Path dir) {
        try (var walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
