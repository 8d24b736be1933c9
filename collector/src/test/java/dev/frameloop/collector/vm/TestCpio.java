package dev.frameloop.collector.vm;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads newc cpio archives back, checking the 4-byte alignment the kernel requires. */
final class TestCpio {
    record Entry(int mode, int rdevMajor, int rdevMinor, byte[] content) {
        int type() {
            return mode & 0170000;
        }

        int permissions() {
            return mode & 07777;
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private TestCpio() {
    }

    /** Entries by name, in archive order, without the trailer. */
    static Map<String, Entry> read(byte[] archive) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int pos = 0;
        while (true) {
            if (pos % 4 != 0) {
                throw new AssertionError("header at " + pos + " is not 4-byte aligned");
            }
            String magic = new String(archive, pos, 6, StandardCharsets.US_ASCII);
            if (!magic.equals("070701")) {
                throw new AssertionError("bad magic at " + pos + ": " + magic);
            }
            int[] f = new int[13];
            for (int i = 0; i < 13; i++) {
                f[i] = (int) Long.parseLong(new String(archive, pos + 6 + 8 * i, 8, StandardCharsets.US_ASCII), 16);
            }
            int nameSize = f[11];
            String name = new String(archive, pos + 110, nameSize - 1, StandardCharsets.UTF_8);
            if (archive[pos + 110 + nameSize - 1] != 0) {
                throw new AssertionError("name of " + name + " is not NUL-terminated");
            }
            pos = align(pos + 110 + nameSize);
            if (name.equals("TRAILER!!!")) {
                if (pos != archive.length) {
                    throw new AssertionError((archive.length - pos) + " bytes after the trailer");
                }
                return entries;
            }
            byte[] content = new byte[f[6]];
            System.arraycopy(archive, pos, content, 0, content.length);
            pos = align(pos + content.length);
            entries.put(name, new Entry(f[1], f[9], f[10], content));
        }
    }

    private static int align(int n) {
        return (n + 3) & ~3;
    }
}
