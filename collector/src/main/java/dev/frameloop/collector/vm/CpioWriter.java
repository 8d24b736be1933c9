package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cpio archive in the "newc" format the kernel unpacks as an initramfs. Entries are
 * owned by root with mtime 0, so the same inputs give the same bytes; device nodes need no
 * privileges on the host because the kernel creates them while unpacking.
 *
 * <pre>
 * header: "070701" then 13 fields of 8 hex digits:
 *   ino mode uid gid nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize check
 * name (namesize bytes, NUL included), padded to a multiple of 4 counted from the header start
 * data (filesize bytes), padded to a multiple of 4
 * the archive ends with an entry named "TRAILER!!!"
 * </pre>
 */
final class CpioWriter implements AutoCloseable {
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFCHR = 0020000;
    private static final byte[] ZEROS = new byte[4];

    private final OutputStream out;
    private long written;
    private int nextInode = 1;
    private boolean finished;

    CpioWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String path, int permissions) throws IOException {
        entry(path, S_IFDIR | permissions, 2, 0, 0, new byte[0]);
    }

    void file(String path, int permissions, byte[] content) throws IOException {
        entry(path, S_IFREG | permissions, 1, 0, 0, content);
    }

    void symlink(String path, String target) throws IOException {
        entry(path, S_IFLNK | 0777, 1, 0, 0, target.getBytes(StandardCharsets.UTF_8));
    }

    void characterDevice(String path, int permissions, int major, int minor) throws IOException {
        entry(path, S_IFCHR | permissions, 1, major, minor, new byte[0]);
    }

    /** Writes the trailer; the archive is complete after this. Does not close the stream. */
    void finish() throws IOException {
        if (!finished) {
            header("TRAILER!!!", 0, 0, 1, 0, 0, 0);
            finished = true;
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private void entry(String path, int mode, int links, int rdevMajor, int rdevMinor, byte[] content) throws IOException {
        if (finished) {
            throw new IllegalStateException("archive already finished");
        }
        if (path.startsWith("/") || path.isEmpty()) {
            throw new IllegalArgumentException("cpio paths are relative and not empty: '" + path + "'");
        }
        header(path, nextInode++, mode, links, content.length, rdevMajor, rdevMinor);
        write(content);
        pad();
    }

    private void header(String name, int inode, int mode, int links, int size, int rdevMajor, int rdevMinor) throws IOException {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(110).append("070701");
        for (long field : new long[] {inode, mode, 0, 0, links, 0, size, 0, 0, rdevMajor, rdevMinor, nameBytes.length, 0}) {
            h.append(String.format("%08x", field));
        }
        write(h.toString().getBytes(StandardCharsets.US_ASCII));
        write(nameBytes);
        pad();
    }

    private void write(byte[] data) throws IOException {
        out.write(data);
        written += data.length;
    }

    private void pad() throws IOException {
        int padding = (int) ((4 - (written % 4)) % 4);
        out.write(ZEROS, 0, padding);
        written += padding;
    }
}
