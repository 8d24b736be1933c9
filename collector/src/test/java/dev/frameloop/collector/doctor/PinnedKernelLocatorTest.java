package dev.frameloop.collector.doctor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PinnedKernelLocatorTest {

    private static Path kernel(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("vmlinuz"), "not really a kernel");
        return dir;
    }

    @Test
    void shouldFindTheNewestKernelBesideTheCheckout(@TempDir Path tmp) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("frameloop"));
        kernel(tmp.resolve("shared/kernels/6.12.9+deb13-amd64"));
        Path newest = kernel(tmp.resolve("shared/kernels/7.2.13+deb14-amd64"));
        Files.createDirectories(tmp.resolve("shared/kernels/7.9-empty"));

        assertEquals(Optional.of(newest), new PinnedKernelLocator(Optional.empty(), Optional.of(checkout)).locate());
    }

    @Test
    void shouldPreferTheEnvironmentVariable(@TempDir Path tmp) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("frameloop"));
        kernel(tmp.resolve("shared/kernels/7.2.13+deb14-amd64"));
        Path mine = kernel(tmp.resolve("mine"));

        assertEquals(Optional.of(mine), new PinnedKernelLocator(Optional.of(mine.toString()), Optional.of(checkout)).locate());
    }

    @Test
    void shouldFindNothingWhenTheVariableNamesAFolderWithoutAKernel(@TempDir Path tmp) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("frameloop"));
        kernel(tmp.resolve("shared/kernels/7.2.13+deb14-amd64"));

        assertEquals(Optional.empty(), new PinnedKernelLocator(Optional.of(tmp.resolve("nothing").toString()), Optional.of(checkout)).locate());
    }

    @Test
    void shouldFindNothingWithoutSharedKernels(@TempDir Path tmp) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("frameloop"));

        assertEquals(Optional.empty(), new PinnedKernelLocator(Optional.empty(), Optional.of(checkout)).locate());
    }
}
