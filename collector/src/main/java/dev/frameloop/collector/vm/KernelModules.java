package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The modules a kernel folder offers: the {@code .ko}, {@code .ko.xz}, {@code .ko.zst} and {@code .ko.gz}
 * files anywhere under {@code modules/}, and the names {@code modules.builtin} lists as built in.
 * Names are compared in canonical form ({@code snd-pcm} = {@code snd_pcm}).
 */
final class KernelModules {
    private static final List<String> SUFFIXES = List.of(".ko", ".ko.xz", ".ko.zst", ".ko.gz");
    private final Map<String, Path> files;
    private final Set<String> builtin;

    private KernelModules(Map<String, Path> files, Set<String> builtin) {
        this.files = files;
        this.builtin = builtin;
    }

    static KernelModules scan(Path kernelDir) {
        Map<String, Path> files = new TreeMap<>();
        Path modules = kernelDir.resolve("modules");
        if (Files.isDirectory(modules)) {
            try {
                Files.walkFileTree(modules, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            moduleName(file.getFileName().toString())
                                    .ifPresent(name -> files.putIfAbsent(ModuleInfo.canonicalName(name), file));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + modules, e);
            }
        }
        Set<String> builtin = new HashSet<>();
        Path builtinList = kernelDir.resolve("modules.builtin");
        if (Files.isReadable(builtinList)) {
            try {
                for (String line : Files.readAllLines(builtinList)) {
                    String file = line.substring(line.lastIndexOf('/') + 1).trim();
                    moduleName(file).ifPresent(name -> builtin.add(ModuleInfo.canonicalName(name)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + builtinList, e);
            }
        }
        return new KernelModules(Collections.unmodifiableMap(files), Collections.unmodifiableSet(builtin));
    }

    /** {@code snd-pcm.ko.xz} → {@code snd-pcm}; empty for a file that is not a module. */
    static Optional<String> moduleName(String fileName) {
        for (String suffix : SUFFIXES) {
            if (fileName.endsWith(suffix) && fileName.length() > suffix.length()) {
                return Optional.of(fileName.substring(0, fileName.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    Optional<Path> file(String name) {
        return Optional.ofNullable(files.get(ModuleInfo.canonicalName(name)));
    }

    boolean isBuiltin(String name) {
        return builtin.contains(ModuleInfo.canonicalName(name));
    }

    /** True when the kernel has the module, as a file or built in. */
    boolean provides(String name) {
        return isBuiltin(name) || file(name).isPresent();
    }
}
