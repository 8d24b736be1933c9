package dev.frameloop.collector.ring;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;

/** The system page size, the unit of ring mappings ({@code sysconf(_SC_PAGESIZE)}), read once. */
final class PageSize {
    private static final class Holder {
        static final long VALUE = read();

        private static long read() {
            LibC.requireAvailable();
            long size = LibC.sysconf(LibC._SC_PAGESIZE);
            if (size <= 0) {
                throw new IllegalStateException("sysconf(_SC_PAGESIZE) failed: " + Errno.describe(Native.getLastError()));
            }
            return size;
        }
    }

    private PageSize() {
    }

    /** Bytes per page. */
    static int get() {
        return (int) Holder.VALUE;
    }
}
