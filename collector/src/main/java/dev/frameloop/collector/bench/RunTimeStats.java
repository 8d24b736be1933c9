package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.jna.LibC;

/**
 * The kernel's run-time statistics of BPF programs (run_time_ns, run_cnt), on while this is open: an fd from
 * {@code BPF_ENABLE_STATS}, which the kernel counts with its other holders (another bench, the
 * kernel.bpf_stats_enabled sysctl) and releases when the process ends, however it ends. The sysctl is left alone.
 */
public final class RunTimeStats implements AutoCloseable {
    private final int fd;
    private boolean closed;

    private RunTimeStats(int fd) {
        this.fd = fd;
    }

    /** Turns the statistics on. */
    public static RunTimeStats enable() {
        int fd = LibBpf.bpf_enable_stats(LibBpf.BPF_STATS_RUN_TIME);
        if (fd < 0) {
            throw new BpfException("enabling BPF run-time statistics (BPF_ENABLE_STATS)", fd, "");
        }
        return new RunTimeStats(fd);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
        }
    }
}
