package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebianKernelPackagesTest {
    /** As `apt-cache show --no-all-versions` printed them for Debian unstable on 2026-11-25 (abridged). */
    private static final Map<String, String> UNSTABLE = Map.of(
            "linux-image-amd64", """
                    Package: linux-image-amd64
                    Version: 7.2.13-1
                    Installed-Size: 16
                    Depends: linux-base-amd64 (= 7.2.13-1), linux-image-7.2.13+deb14-amd64 (= 7.2.13-1)
                    Description: Linux for 64-bit PCs (meta-package)
                     This package depends on the latest Linux kernel
                     and modules for use on PCs.
                    """,
            "linux-image-7.2.13+deb14-amd64", """
                    Package: linux-image-7.2.13+deb14-amd64
                    Version: 7.2.13-1
                    Depends: dracut | initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool, linux-base-7.2.13+deb14-amd64 (= 7.2.13-1), linux-binary-7.2.13+deb14-amd64 (= 7.2.13-1), linux-modules-7.2.13+deb14-amd64 (= 7.2.13-1)
                    Pre-Depends: linux-base (>= 4.17~)
                    Recommends: apparmor
                    """);

    @Test
    void shouldFollowTheMetapackageToTheBinaryModulesAndBasePackages() {
        DebianKernelPackages selected = DebianKernelPackages.select("linux-image-amd64", name -> DebianControl.parse(UNSTABLE.get(name)));

        assertEquals("7.2.13+deb14-amd64", selected.release());
        assertEquals(List.of("linux-binary-7.2.13+deb14-amd64", "linux-modules-7.2.13+deb14-amd64", "linux-base-7.2.13+deb14-amd64"),
                selected.packages());
    }

    @Test
    void shouldTakeTheImagePackageOfAReleaseWithoutTheSplit() {
        Map<String, String> bookworm = Map.of(
                "linux-image-amd64", "Package: linux-image-amd64\nDepends: linux-image-6.1.0-28-amd64 (= 6.1.119-1)\n",
                "linux-image-6.1.0-28-amd64", "Package: linux-image-6.1.0-28-amd64\nDepends: kmod, linux-base (>= 4.3~), initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool\n");

        DebianKernelPackages selected = DebianKernelPackages.select("linux-image-amd64", name -> DebianControl.parse(bookworm.get(name)));

        assertEquals("6.1.0-28-amd64", selected.release());
        assertEquals(List.of("linux-image-6.1.0-28-amd64"), selected.packages());
    }

    @Test
    void shouldSayWhenTheDependenciesLeadNowhere() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DebianKernelPackages.select("linux-image-amd64",
                name -> DebianControl.parse("Package: linux-image-amd64\nDepends: linux-base-amd64\n")));
        assertTrue(e.getMessage().contains("linux-image-amd64"), e.getMessage());
    }

    @Test
    void shouldParseRelationsWithAlternativesVersionsAndArchitectures() {
        DebianControl control = DebianControl.parse("Package: x\nDepends: a (= 1), b | c:any (>= 2), d [amd64]\nVersion: 3\n\nPackage: y\n");

        assertEquals(List.of("a", "b", "c", "d"), control.relations("Depends"));
        assertEquals("3", control.field("Version").orElseThrow());
        assertEquals("x", control.field("Package").orElseThrow());
        assertEquals(List.of(), control.relations("Recommends"));
    }
}
