package dev.frameloop.collector.record;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpfFsTest {
    private static final Path SYS_FS_BPF = Path.of("/sys/fs/bpf");

    @Test
    void shouldFindABpfMountOnItsMountPoint() {
        List<String> mounts = List.of(
                "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0",
                "bpf /sys/fs/bpf bpf rw,nosuid,nodev,noexec,relatime,mode=700 0 0");
        assertTrue(BpfFs.mountedOn(SYS_FS_BPF, mounts));
    }

    @Test
    void shouldNotTakeSysfsOrABpfMountElsewhereForIt() {
        List<String> mounts = List.of(
                "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0",
                "none /mnt/bpf bpf rw 0 0",
                "tmpfs /sys/fs/bpf/x tmpfs rw 0 0");
        assertFalse(BpfFs.mountedOn(SYS_FS_BPF, mounts));
    }
}
