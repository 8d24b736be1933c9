package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitramfsBuilderTest {
    @TempDir
    Path tmp;

    private Path busybox() throws IOException {
        Path busybox = tmp.resolve("busybox");
        Files.write(busybox, new TestElf().section(".text", new byte[] {(byte) 0xc3}).build());
        return busybox;
    }

    private InitramfsBuilder builder(List<String> modules) throws IOException {
        Environment env = Environment.of(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), Map.of());
        return new InitramfsBuilder(tmp.resolve("cache"), busybox(), new ModuleDecompressor(env), modules);
    }

    @Test
    void shouldPackBusyboxInitAndTheModulesInLoadOrder() throws IOException {
        Path kernel = TestKernels.create(tmp.resolve("kernel"), Map.of("vgem", "drm,drm_shmem_helper", "drm", "",
                "drm_shmem_helper", "drm", "uinput", ""));

        InitramfsBuilder.Image image = builder(List.of("uinput", "vgem")).imageFor(new KernelDir(kernel));

        assertTrue(image.built());
        Map<String, TestCpio.Entry> entries = TestCpio.read(Files.readAllBytes(image.path()));
        assertEquals("uinput.ko\ndrm.ko\ndrm_shmem_helper.ko\nvgem.ko\n", entries.get("etc/frameloop/modules").text());
        assertArrayEquals(Files.readAllBytes(kernel.resolve("modules/kernel/drivers/vgem.ko")), entries.get("lib/modules/vgem.ko").content());
        assertArrayEquals(InitramfsBuilder.initScript(), entries.get("init").content());
        assertEquals(0755, entries.get("init").permissions());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("busybox")), entries.get("bin/busybox").content());
        assertEquals("busybox", entries.get("bin/sh").text());
        assertEquals(0020000, entries.get("dev/console").type());
        assertTrue(entries.containsKey("mnt/root"));
    }

    @Test
    void shouldReuseTheImageUntilSomethingItIsMadeOfChanges() throws IOException {
        Path kernel = TestKernels.create(tmp.resolve("kernel"), Map.of("uinput", ""));
        InitramfsBuilder builder = builder(List.of("uinput"));

        InitramfsBuilder.Image first = builder.imageFor(new KernelDir(kernel));
        InitramfsBuilder.Image second = builder.imageFor(new KernelDir(kernel));
        Path module = kernel.resolve("modules/kernel/drivers/uinput.ko");
        Files.write(module, TestElf.module("uinput-rebuilt", ""));
        Files.setLastModifiedTime(module, FileTime.from(Instant.now().plusSeconds(5)));
        InitramfsBuilder.Image third = builder.imageFor(new KernelDir(kernel));

        assertTrue(first.built());
        assertFalse(second.built());
        assertEquals(first.path(), second.path());
        assertTrue(third.built());
        assertNotEquals(first.path(), third.path());
    }

    @Test
    void shouldOnlyReadTheKernelFolderAndLeaveNoTemporaryFiles() throws IOException {
        Path kernel = TestKernels.create(tmp.resolve("kernel"), Map.of("uinput", ""));
        List<String> before = TestKernels.names(kernel);

        InitramfsBuilder.Image image = builder(List.of("uinput")).imageFor(new KernelDir(kernel));

        assertEquals(before, TestKernels.names(kernel));
        assertEquals(List.of("", image.path().getFileName().toString()), TestKernels.names(tmp.resolve("cache")));
    }

    @Test
    void shouldDecompressGzipModules() throws IOException {
        Path kernel = TestKernels.create(tmp.resolve("kernel"), Map.of());
        byte[] module = TestElf.module("uinput", "");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(kernel.resolve("modules/kernel/drivers/uinput.ko.gz")))) {
            out.write(module);
        }

        InitramfsBuilder.Image image = builder(List.of("uinput")).imageFor(new KernelDir(kernel));

        assertArrayEquals(module, TestCpio.read(Files.readAllBytes(image.path())).get("lib/modules/uinput.ko").content());
    }

    @Test
    void shouldNameAMissingDependency() throws IOException {
        Path kernel = TestKernels.create(tmp.resolve("kernel"), Map.of("vgem", "drm"));

        UserFacingException e = assertThrows(UserFacingException.class,
                () -> builder(List.of("vgem")).imageFor(new KernelDir(kernel)));

        assertTrue(e.getMessage().contains("drm"), e.getMessage());
        assertEquals(List.of(""), TestKernels.names(tmp.resolve("cache")), "no half-written image is left");
    }

    @Test
    void shouldKeepTheInitScriptAsAResource() {
        String init = new String(InitramfsBuilder.initScript(), StandardCharsets.UTF_8);
        assertTrue(init.startsWith("#!/bin/sh\n"));
        assertTrue(init.contains("/etc/frameloop/modules"));
    }
}
