package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the guest's initramfs (busybox, the init script, the decompressed modules in load order) into
 * {@code <cache>/initramfs/<key>.cpio}. The key hashes the init script, busybox and the kernel folder's
 * files (name, size, modification time), so an image is rebuilt only when one of them changes. Images are
 * written under a temporary name and renamed into place; the kernel folder is only read.
 */
public final class InitramfsBuilder {
    private static final String FORMAT = "frameloop-initramfs 1";
    private static final String INIT_RESOURCE = "init.sh";
    private static final Duration UNUSED_LIMIT = Duration.ofDays(14);

    private final Path cacheDir;
    private final Path busybox;
    private final ModuleDecompressor decompressor;
    private final List<String> modules;

    InitramfsBuilder(Path cacheDir, Path busybox, ModuleDecompressor decompressor, List<String> modules) {
        this.cacheDir = cacheDir;
        this.busybox = busybox;
        this.decompressor = decompressor;
        this.modules = List.copyOf(modules);
    }

    public static InitramfsBuilder standard(Environment env) {
        return new InitramfsBuilder(env.cacheDirectory().resolve("initramfs"), Busybox.locate(),
                new ModuleDecompressor(env), GuestModules.REQUIRED);
    }

    /** What a call to {@link #imageFor} did: the image and whether it had to be built. */
    public record Image(Path path, boolean built) {
    }

    public Image imageFor(KernelDir kernel) {
        byte[] init = initScript();
        String key = key(kernel, init);
        Path image = cacheDir.resolve(key + ".cpio");
        try {
            if (Files.isRegularFile(image)) {
                Files.setLastModifiedTime(image, FileTime.from(Instant.now()));
                return new Image(image, false);
            }
            Files.createDirectories(cacheDir);
            Path temporary = Files.createTempFile(cacheDir, key + ".", ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                    write(out, kernel, init);
                }
                Files.move(temporary, image, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            removeUnused(image);
            return new Image(image, true);
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot write the guest initramfs into " + cacheDir + ": " + e.getMessage(), e);
        }
    }

    /** The cache key: a SHA-256 over everything the image is made from. */
    String key(KernelDir kernel, byte[] init) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add("modules " + String.join(",", modules));
        lines.add("init " + HexFormat.of().formatHex(sha.digest(init)));
        lines.add(describe("busybox", busybox));
        lines.add(describe("vmlinuz", kernel.vmlinuz()));
        for (String list : List.of("modules.builtin", "modules.order")) {
            if (Files.exists(kernel.dir().resolve(list))) {
                lines.add(describe(list, kernel.dir().resolve(list)));
            }
        }
        if (Files.isDirectory(kernel.modulesDir())) {
            List<String> files = new ArrayList<>();
            try {
                // one visit per file with the attributes the walk already has: a full Debian tree has ~4,000 modules
                Files.walkFileTree(kernel.modulesDir(), new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            files.add(kernel.dir().relativize(file) + " " + attributes.size() + " "
                                    + attributes.lastModifiedTime().toMillis());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + kernel.modulesDir(), e);
            }
            files.sort(null);
            lines.addAll(files);
        }
        return HexFormat.of().formatHex(sha.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }

    private static String describe(String name, Path file) {
        try {
            return name + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(OutputStream out, KernelDir kernel, byte[] init) throws IOException {
        KernelModules available = KernelModules.scan(kernel.dir());
        Map<String, byte[]> contents = new HashMap<>();
        List<String> order = ModuleLoadOrder.resolve(modules, name -> {
            Path file = available.file(name).orElseThrow(() -> new UserFacingException(ExitCodes.UNAVAILABLE,
                    "the guest needs the module " + name + ", which " + kernel.dir() + " has neither under modules/ nor in modules.builtin"));
            byte[] elf = decompressor.read(file);
            contents.put(ModuleInfo.canonicalName(name), elf);
            return ModuleInfo.depends(elf);
        }, available::isBuiltin);

        try (CpioWriter cpio = new CpioWriter(out)) {
            for (String dir : List.of("bin", "sbin", "usr", "usr/bin", "usr/sbin", "dev", "proc", "sys", "tmp",
                    "etc", "etc/frameloop", "lib", "lib/modules", "mnt", "mnt/root")) {
                cpio.directory(dir, 0755);
            }
            cpio.characterDevice("dev/console", 0600, 5, 1);
            cpio.file("bin/busybox", 0755, Files.readAllBytes(busybox));
            cpio.symlink("bin/sh", "busybox");
            cpio.file("init", 0755, init);
            StringBuilder list = new StringBuilder();
            for (String name : order) {
                String file = name + ".ko";
                cpio.file("lib/modules/" + file, 0644, contents.get(ModuleInfo.canonicalName(name)));
                list.append(file).append('\n');
            }
            cpio.file("etc/frameloop/modules", 0644, list.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Deletes other images not used for {@link #UNUSED_LIMIT} and temporary files older than a day. */
    private void removeUnused(Path keep) throws IOException {
        Instant now = Instant.now();
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path p : files.toList()) {
                if (p.equals(keep)) {
                    continue;
                }
                String name = p.getFileName().toString();
                Instant modified = Files.getLastModifiedTime(p).toInstant();
                boolean unusedImage = name.endsWith(".cpio") && modified.isBefore(now.minus(UNUSED_LIMIT));
                boolean staleTemporary = name.endsWith(".tmp") && modified.isBefore(now.minus(Duration.ofDays(1)));
                if (unusedImage || staleTemporary) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static byte[] initScript() {
        try (InputStream in = InitramfsBuilder.class.getResourceAsStream(INIT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + INIT_RESOURCE + " missing from the frameloop jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + INIT_RESOURCE, e);
        }
    }
}
