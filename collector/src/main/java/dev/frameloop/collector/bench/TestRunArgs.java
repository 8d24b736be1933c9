package dev.frameloop.collector.bench;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.jna.LibBpf;

/**
 * A {@code SEC("syscall")} program's argument block and the {@code struct bpf_test_run_opts} that
 * passes it as the context of {@code BPF_PROG_TEST_RUN} (the kernel copies it back, so out fields
 * are read here after a run). Native memory owned here and reused: a run allocates nothing.
 */
final class TestRunArgs implements AutoCloseable {
    // struct bpf_test_run_opts (libbpf 1.1, bpf/bpf.h), 80 bytes
    private static final int OPTS_SIZE = 80;
    private static final int OPTS_CTX_IN = 32;
    private static final int OPTS_CTX_SIZE_IN = 48;
    private static final int OPTS_RETVAL = 56;

    private final StructLayout layout;
    private final Memory args;
    private final Memory opts;

    /** A zeroed block of the BTF struct {@code layout}. */
    TestRunArgs(StructLayout layout) {
        this.layout = layout;
        this.args = new Memory(layout.size());
        this.opts = new Memory(OPTS_SIZE);
        args.clear();
        opts.clear();
        opts.setLong(0, OPTS_SIZE);
        opts.setPointer(OPTS_CTX_IN, args);
        opts.setInt(OPTS_CTX_SIZE_IN, layout.size());
    }

    /** The block itself, for the caller's fields. */
    Memory args() {
        return args;
    }

    /** Offset of {@code member}, checked to be {@code size} bytes in BTF. */
    int offset(String member, int size) {
        StructLayout.Member m = layout.member(member);
        if (m.size() != size) {
            throw new IllegalStateException("struct " + layout.name() + "." + member + " is " + m.size()
                    + " bytes in BTF, expected " + size);
        }
        return m.offset();
    }

    /**
     * Runs {@code programFd} once on the block.
     *
     * @return the program's return value
     * @throws BpfException if the run itself fails
     */
    int run(int programFd, String programName) {
        int rc = LibBpf.bpf_prog_test_run_opts(programFd, opts);
        if (rc != 0) {
            throw new BpfException("running " + programName + " (BPF_PROG_TEST_RUN)", rc == -1 ? -Native.getLastError() : rc, "");
        }
        return opts.getInt(OPTS_RETVAL);
    }

    @Override
    public void close() {
        args.close();
        opts.close();
    }
}
