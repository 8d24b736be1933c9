package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CpioWriterTest {

    @Test
    void shouldWriteEntriesThatReadBackWithTypesPermissionsAndContent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CpioWriter cpio = new CpioWriter(out)) {
            cpio.directory("bin", 0755);
            cpio.file("bin/busybox", 0755, new byte[] {1, 2, 3, 4, 5});
            cpio.symlink("bin/sh", "busybox");
            cpio.characterDevice("dev/console", 0600, 5, 1);
            cpio.file("empty", 0644, new byte[0]);
            cpio.file("odd-name-length", 0644, "abc".getBytes(StandardCharsets.UTF_8));
        }

        Map<String, TestCpio.Entry> entries = TestCpio.read(out.toByteArray());

        assertEquals(List.of("bin", "bin/busybox", "bin/sh", "dev/console", "empty", "odd-name-length"), List.copyOf(entries.keySet()));
        assertEquals(0040000, entries.get("bin").type());
        assertEquals(0755, entries.get("bin").permissions());
        assertEquals(0100000, entries.get("bin/busybox").type());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, entries.get("bin/busybox").content());
        assertEquals(0120000, entries.get("bin/sh").type());
        assertEquals("busybox", entries.get("bin/sh").text());
        assertEquals(0020000, entries.get("dev/console").type());
        assertEquals(5, entries.get("dev/console").rdevMajor());
        assertEquals(1, entries.get("dev/console").rdevMinor());
        assertEquals("abc", entries.get("odd-name-length").text());
    }

    @Test
    void shouldWriteTheSameBytesForTheSameEntries() throws IOException {
        assertArrayEquals(sample(), sample());
    }

    @Test
    void shouldRejectAbsolutePathsAndEntriesAfterTheTrailer() throws IOException {
        CpioWriter cpio = new CpioWriter(new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> cpio.file("/init", 0755, new byte[0]));
        cpio.finish();
        assertThrows(IllegalStateException.class, () -> cpio.file("init", 0755, new byte[0]));
    }

    private static byte[] sample() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CpioWriter cpio = new CpioWriter(out)) {
            cpio.directory("etc", 0755);
            cpio.file("etc/x", 0644, "x".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
