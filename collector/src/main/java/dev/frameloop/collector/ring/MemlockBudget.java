package dev.frameloop.collector.ring;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;

/**
 * Makes room under {@code RLIMIT_MEMLOCK} for ring buffers. Kernels before 5.11 charge BPF maps
 * (ring buffers included) to the locked-memory limit, whose default here is 8 MiB; later ones
 * charge the memory cgroup instead and ignore the limit (FIELD-NOTES: "large rings need it
 * raised, or rely on memcg accounting"). Like libbpf, we raise the soft limit as far as the hard
 * limit allows (to unlimited as root) when it is below what the rings need, and fail with a
 * clear message when that is not enough on a kernel that enforces it.
 */
public final class MemlockBudget {
    /** Room for everything else a BPF object locks (maps, programs) on top of the rings. */
    static final long OVERHEAD_BYTES = 16L << 20;

    private MemlockBudget() {
    }

    /** What happened to the limit. */
    public record Outcome(long softBefore, long softAfter, boolean enforced) {
        /** Whether the soft limit was raised. */
        public boolean raised() {
            return softBefore != softAfter;
        }
    }

    /**
     * Ensures the soft limit covers {@code ringBytes} plus {@link #OVERHEAD_BYTES}, raising it if needed.
     *
     * @throws IllegalStateException if it cannot be raised enough and the running kernel charges BPF memory to it
     */
    public static Outcome ensure(long ringBytes) {
        LibC.requireAvailable();
        long needed = ringBytes + OVERHEAD_BYTES;
        boolean enforced = kernelChargesMemlock(System.getProperty("os.version", ""));
        LibC.Rlimit limit = new LibC.Rlimit();
        if (LibC.getrlimit(LibC.RLIMIT_MEMLOCK, limit) != 0) {
            throw new IllegalStateException("getrlimit(RLIMIT_MEMLOCK) failed: " + Errno.describe(Native.getLastError()));
        }
        long before = limit.rlim_cur;
        if (covers(before, needed)) {
            return new Outcome(before, before, enforced);
        }
        LibC.Rlimit raised = new LibC.Rlimit();
        raised.rlim_cur = LibC.RLIM_INFINITY;
        raised.rlim_max = LibC.RLIM_INFINITY;
        if (LibC.setrlimit(LibC.RLIMIT_MEMLOCK, raised) == 0) {
            return new Outcome(before, LibC.RLIM_INFINITY, enforced);
        }
        raised.rlim_cur = limit.rlim_max;
        raised.rlim_max = limit.rlim_max;
        long after = before;
        if (LibC.setrlimit(LibC.RLIMIT_MEMLOCK, raised) == 0) {
            after = limit.rlim_max;
        }
        if (!covers(after, needed) && enforced) {
            throw new IllegalStateException("the ring buffers need " + RingSize.humanSpaced(needed)
                    + " of locked memory (rings " + RingSize.humanSpaced(ringBytes) + " + " + RingSize.humanSpaced(OVERHEAD_BYTES)
                    + " for maps and programs), RLIMIT_MEMLOCK is " + human(after)
                    + " and could not be raised; run as root, raise it (ulimit -l unlimited), or choose smaller rings (--ring-*)");
        }
        return new Outcome(before, after, enforced);
    }

    /** Whether kernel {@code release} (uname -r) charges BPF maps to RLIMIT_MEMLOCK: before 5.11. */
    static boolean kernelChargesMemlock(String release) {
        String[] parts = release.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 5 || (major == 5 && minor < 11);
        } catch (NumberFormatException e) {
            return true; // unknown: assume the strict behaviour
        }
    }

    private static boolean covers(long limit, long needed) {
        return limit == LibC.RLIM_INFINITY || Long.compareUnsigned(limit, needed) >= 0;
    }

    private static String human(long limit) {
        return limit == LibC.RLIM_INFINITY ? "unlimited" : RingSize.humanSpaced(limit);
    }
}
