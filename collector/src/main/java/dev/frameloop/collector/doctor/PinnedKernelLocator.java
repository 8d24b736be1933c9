package dev.frameloop.collector.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a test kernel for the VM is, first hit wins: {@code $FRAMELOOP_KERNEL} (a folder holding
 * {@code vmlinuz}), then {@code <checkout>/../shared/kernels/<version>/vmlinuz} (newest version name last
 * in sort order wins). The doctor's stand-in until the VM runner's kernel resolver replaces it.
 */
final class PinnedKernelLocator {
    private final Optional<String> environmentKernel;
    private final Optional<Path> checkoutRoot;

    PinnedKernelLocator(Optional<String> environmentKernel, Optional<Path> checkoutRoot) {
        this.environmentKernel = environmentKernel;
        this.checkoutRoot = checkoutRoot;
    }

    static PinnedKernelLocator forThisProcess() {
        return new PinnedKernelLocator(Optional.ofNullable(System.getenv("FRAMELOOP_KERNEL")).filter(s -> !s.isBlank()),
                CheckoutRoot.find());
    }

    Optional<Path> locate() {
        if (environmentKernel.isPresent()) {
            Path dir = Path.of(environmentKernel.get());
            return Files.isRegularFile(dir.resolve("vmlinuz")) ? Optional.of(dir) : Optional.empty();
        }
        if (checkoutRoot.isEmpty()) {
            return Optional.empty();
        }
        Path kernels = checkoutRoot.get().resolve("..").resolve("shared").resolve("kernels").normalize();
        if (!Files.isDirectory(kernels)) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(kernels)) {
            for (Path d : dirs) {
                if (Files.isRegularFile(d.resolve("vmlinuz"))) {
                    found.add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + kernels, e);
        }
        return found.stream().max(Path::compareTo);
    }
}
