package dev.frameloop.collector.vm;

import dev.frameloop.core.testing.MachineRequirements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ModuleDecompressorTest {
    private final Environment env = Environment.of(System.getenv(), System.getProperties());

    @TempDir
    Path tmp;

    @Test
    void shouldDecompressXzModulesWithTheHostsXz() throws IOException {
        Path xz = require(HostTool.find("xz", env), "xz (Debian package xz-utils)");
        byte[] module = TestElf.module("uinput", "");
        Path file = tmp.resolve("uinput.ko");
        Files.write(file, module);
        HostTool.Result compressed = HostTool.run(List.of(xz.toString(), "-k", file.toString()), null, Duration.ofMinutes(1));
        assertEquals(0, compressed.exitCode(), compressed.stderr());

        assertArrayEquals(module, new ModuleDecompressor(env).read(tmp.resolve("uinput.ko.xz")));
    }

    @Test
    void shouldReadTheDependenciesOfThePinnedKernelsModules() {
        Path shared = Path.of(require(Optional.ofNullable(System.getProperty("frameloop.shared")), "system property frameloop.shared"));
        Path kernel = shared.resolve("kernels/7.2.13+deb14-amd64");
        require(Optional.of(kernel).filter(Files::isDirectory), "the pinned kernel " + kernel);
        require(HostTool.find("xz", env), "xz (Debian package xz-utils)");
        KernelModules modules = KernelModules.scan(kernel);
        ModuleDecompressor decompressor = new ModuleDecompressor(env);

        Map<String, List<String>> expected = Map.of("9p", List.of("9pnet", "netfs"), "vgem", List.of("drm", "drm_shmem_helper"),
                "snd-aloop", List.of("snd-pcm", "snd", "snd-timer"), "uinput", List.of());
        expected.forEach((name, depends) ->
                assertEquals(depends, ModuleInfo.depends(decompressor.read(modules.file(name).orElseThrow())), name));
    }

    /** Fails in CI (the machine must have it), skips with the reason elsewhere. */
    static <T> T require(Optional<T> thing, String what) {
        MachineRequirements.require(thing.isPresent(), what);
        return thing.get();
    }
}
