package dev.frameloop.collector.vm;

import dev.frameloop.core.elf.ElfFile;

import java.nio.ByteBuffer;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the host's statically linked busybox, which becomes the guest's /init shell and tools. */
final class Busybox {
    private static final List<Path> CANDIDATES = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));
    private static final String FIX = "install the Debian package busybox-static (or run: sudo bin/setup)";

    private Busybox() {
    }

    static Path locate() {
        Path found = CANDIDATES.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new UserFacingException(ExitCodes.UNAVAILABLE, "busybox not found (looked at "
                        + CANDIDATES.get(0) + ", " + CANDIDATES.get(1) + "); " + FIX));
        try {
            if (ElfFile.needsInterpreter(ByteBuffer.wrap(Files.readAllBytes(found)))) {
                throw new UserFacingException(ExitCodes.UNAVAILABLE,
                        found + " is dynamically linked and cannot run in the initramfs; " + FIX);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + found, e);
        }
        return found;
    }
}
