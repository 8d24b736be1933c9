package dev.frameloop.collector.ring;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;

import java.util.ArrayList;
import java.util.List;

/** The calling thread's CPU affinity ({@code sched_getaffinity}/{@code sched_setaffinity} on thread 0 = self). */
public final class CpuAffinity {
    private static final int WORDS = 16; // 1024 CPUs, glibc's cpu_set_t

    private CpuAffinity() {
    }

    /** CPUs the calling thread may run on. */
    public static List<Integer> allowed() {
        LibC.requireAvailable();
        long[] mask = new long[WORDS];
        if (LibC.sched_getaffinity(0, WORDS * 8L, mask) != 0) {
            throw new IllegalStateException("sched_getaffinity failed: " + Errno.describe(Native.getLastError()));
        }
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < WORDS * 64; cpu++) {
            if ((mask[cpu >> 6] & (1L << (cpu & 63))) != 0) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** Restricts the calling thread to {@code cpus}. */
    public static void set(List<Integer> cpus) {
        set(0, cpus);
    }

    /** Restricts thread {@code tid} (0: the calling thread; a process id: its main thread) to {@code cpus}. */
    public static void set(int tid, List<Integer> cpus) {
        LibC.requireAvailable();
        long[] mask = new long[WORDS];
        for (int cpu : cpus) {
            if (cpu < 0 || cpu >= WORDS * 64) {
                throw new IllegalArgumentException("CPU " + cpu + " out of range");
            }
            mask[cpu >> 6] |= 1L << (cpu & 63);
        }
        if (LibC.sched_setaffinity(tid, WORDS * 8L, mask) != 0) {
            throw new IllegalStateException("sched_setaffinity(" + cpus + ") failed: " + Errno.describe(Native.getLastError()));
        }
    }

    /** The CPU the calling thread runs on now. */
    public static int current() {
        LibC.requireAvailable();
        int cpu = LibC.sched_getcpu();
        if (cpu < 0) {
            throw new IllegalStateException("sched_getcpu failed: " + Errno.describe(Native.getLastError()));
        }
        return cpu;
    }
}
