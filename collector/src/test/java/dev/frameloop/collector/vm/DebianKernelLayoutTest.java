package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebianKernelLayoutTest {
    private static final String RELEASE = "7.2.13+deb14-amd64";
    private static final DebianKernelPackages SPLIT = new DebianKernelPackages(RELEASE,
            List.of("linux-binary-" + RELEASE, "linux-modules-" + RELEASE, "linux-base-" + RELEASE));

    @TempDir
    Path tmp;

    private final ModuleDecompressor decompressor = new ModuleDecompressor(Environment.of(Map.of(), Map.of()));

    private void module(Path kernelTree, String dir, String name, String depends) throws IOException {
        Files.createDirectories(kernelTree.resolve(dir));
        Files.write(kernelTree.resolve(dir).resolve(name + ".ko"), TestElf.module(name, depends));
    }

    @Test
    void shouldArrangeTheSplitPackagesLikeThePinnedKernelAndKeepOnlyWhatTheGuestLoads() throws Exception {
        Path release = tmp.resolve("root/usr/lib/modules/" + RELEASE);
        TestKernels.write(release.resolve("vmlinuz"), "kernel");
        TestKernels.write(release.resolve("config"),
                "CONFIG_BLK_DEV_INITRD=y\nCONFIG_DEVTMPFS=y\nCONFIG_VIRTIO_PCI=y\nCONFIG_VIRTIO_CONSOLE=y\n");
        TestKernels.write(release.resolve("modules.builtin"), "kernel/fs/ext4/ext4.ko\n");
        TestKernels.write(release.resolve("modules.order"), "kernel/drivers/gpu/drm/vgem/vgem.ko\n");
        module(release.resolve("kernel"), "drivers/gpu/drm/vgem", "vgem", "drm");
        module(release.resolve("kernel"), "drivers/gpu/drm", "drm", "");
        module(release.resolve("kernel"), "drivers/net/wireless", "iwlwifi", "cfg80211");
        module(release.resolve("kernel"), "net/wireless", "cfg80211", "");

        Path kernel = DebianKernelLayout.arrange(tmp.resolve("root"), SPLIT, tmp.resolve("staging"));
        DebianKernelLayout.keepOnly(kernel, List.of("vgem"), decompressor);

        assertEquals(List.of("", "SOURCE", "config", "modules", "modules.builtin", "modules.order", "modules/kernel",
                "modules/kernel/drivers", "modules/kernel/drivers/gpu", "modules/kernel/drivers/gpu/drm",
                "modules/kernel/drivers/gpu/drm/drm.ko", "modules/kernel/drivers/gpu/drm/vgem",
                "modules/kernel/drivers/gpu/drm/vgem/vgem.ko", "vmlinuz"), TestKernels.names(kernel));
        assertTrue(Files.readString(kernel.resolve("SOURCE")).contains("linux-modules-" + RELEASE));
        assertTrue(new KernelDir(kernel).problem(List.of("vgem", "drm")).isEmpty());
    }

    @Test
    void shouldArrangeTheOlderSinglePackageLayout() throws Exception {
        String old = "6.1.0-28-amd64";
        TestKernels.write(tmp.resolve("root/boot/vmlinuz-" + old), "kernel");
        TestKernels.write(tmp.resolve("root/boot/config-" + old), "CONFIG_VIRTIO_CONSOLE=y\n");
        module(tmp.resolve("root/lib/modules/" + old + "/kernel"), "drivers/input/misc", "uinput", "");

        Path kernel = DebianKernelLayout.arrange(tmp.resolve("root"),
                new DebianKernelPackages(old, List.of("linux-image-" + old)), tmp.resolve("staging"));

        assertTrue(Files.isRegularFile(kernel.resolve("vmlinuz")));
        assertTrue(Files.isRegularFile(kernel.resolve("config")));
        assertTrue(Files.isRegularFile(kernel.resolve("modules/kernel/drivers/input/misc/uinput.ko")));
    }

    @Test
    void shouldNameWhatIsMissing() throws Exception {
        Files.createDirectories(tmp.resolve("root/usr/lib/modules/" + RELEASE + "/kernel"));

        KernelFetcher.KernelFetchException noKernel = assertThrows(KernelFetcher.KernelFetchException.class,
                () -> DebianKernelLayout.arrange(tmp.resolve("root"), SPLIT, tmp.resolve("staging")));
        assertTrue(noKernel.getMessage().contains("no vmlinuz for " + RELEASE), noKernel.getMessage());

        Path kernel = TestKernels.create(tmp.resolve("k"), Map.of("vgem", "drm"));
        KernelFetcher.KernelFetchException noModule = assertThrows(KernelFetcher.KernelFetchException.class,
                () -> DebianKernelLayout.keepOnly(kernel, List.of("vgem"), decompressor));
        assertTrue(noModule.getMessage().contains("no module drm"), noModule.getMessage());
    }
}
