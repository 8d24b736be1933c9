package dev.frameloop.collector.record;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.LibC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The BPF file system pins live in. Distributions mount it on {@code /sys/fs/bpf} at boot, but minimal
 * machines and containers often do not; like {@code bpftool}, frameloop mounts it there when it is missing.
 */
final class BpfFs {
    static final Path MOUNT_POINT = Path.of("/sys/fs/bpf");
    private static final Path MOUNTS = Path.of("/proc/self/mounts");

    private BpfFs() {
    }

    /** Whether a bpf file system is mounted on {@code mountPoint}, as {@code mounts} (a /proc/mounts text) lists. */
    static boolean mountedOn(Path mountPoint, List<String> mounts) {
        for (String line : mounts) {
            String[] fields = line.split(" ");
            if (fields.length >= 3 && fields[2].equals("bpf") && Path.of(fields[1]).equals(mountPoint)) {
                return true;
            }
        }
        return false;
    }

    /** Mounts bpffs on {@link #MOUNT_POINT} unless it is there already; {@code pinRoot} below it is what needs it. */
    static void ensureMountedFor(Path pinRoot) {
        if (!pinRoot.startsWith(MOUNT_POINT)) {
            return;
        }
        try {
            if (mountedOn(MOUNT_POINT, Files.readAllLines(MOUNTS))) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + MOUNTS, e);
        }
        if (LibC.mount("bpf", MOUNT_POINT.toString(), "bpf", 0, null) != 0) {
            int errno = Native.getLastError();
            throw new IllegalStateException("no BPF file system on " + MOUNT_POINT + " and mounting one failed: "
                    + LibC.strerror(errno) + ". Mount it as root: mount -t bpf bpf " + MOUNT_POINT);
        }
    }
}
