package dev.frameloop.collector.bench;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.jna.LibBpf;

import java.util.Objects;

/**
 * Runs {@code loop_trigger} of {@code loop_bench.bpf.c} with {@code BPF_PROG_TEST_RUN}: each
 * {@link #emit} writes one {@code struct fl_loop_trigger} (seq, {@code bpf_ktime_get_ns()}, target
 * tid) into {@code fl_rb_bench}, with the adaptive wakeup. The argument block
 * ({@code struct fl_loop_trigger_args}, offsets from the object's BTF) and the run options live in
 * native memory owned here and reused: a call allocates nothing. One producing thread.
 */
public final class LoopTriggerProducer implements AutoCloseable {
    /** The program's name in loop_bench.bpf.c. */
    public static final String PROGRAM = "loop_trigger";

    // struct bpf_test_run_opts (libbpf 1.1, bpf/bpf.h), 80 bytes
    private static final int OPTS_SIZE = 80;
    private static final int OPTS_CTX_IN = 32;
    private static final int OPTS_CTX_SIZE_IN = 48;
    private static final int OPTS_RETVAL = 56;

    private final int programFd;
    private final Memory args;
    private final Memory opts;
    private final int seqOffset;
    private final int tidOffset;
    private final int emittedOffset;
    private boolean closed;

    /** @param object the loaded loop_bench object */
    public LoopTriggerProducer(BpfObject object) {
        Objects.requireNonNull(object, "object");
        this.programFd = object.program(PROGRAM).fd();
        StructLayout layout = object.btf().struct("fl_loop_trigger_args");
        this.seqOffset = member(layout, "seq", 8);
        this.tidOffset = member(layout, "tid", 4);
        this.emittedOffset = member(layout, "emitted", 4);
        this.args = new Memory(layout.size());
        this.opts = new Memory(OPTS_SIZE);
        args.clear();
        opts.clear();
        opts.setLong(0, OPTS_SIZE);
        opts.setPointer(OPTS_CTX_IN, args);
        opts.setInt(OPTS_CTX_SIZE_IN, layout.size());
    }

    /**
     * Writes trigger {@code seq} for thread {@code tid}.
     *
     * @return false when the ring was full (the drop is counted in fl_ring_drops)
     * @throws BpfException if the run fails
     */
    public boolean emit(long seq, int tid) {
        if (closed) {
            throw new IllegalStateException("the trigger producer is closed");
        }
        args.setLong(seqOffset, seq);
        args.setInt(tidOffset, tid);
        args.setInt(emittedOffset, 0);
        int rc = LibBpf.bpf_prog_test_run_opts(programFd, opts);
        if (rc != 0) {
            throw new BpfException("running " + PROGRAM + " (BPF_PROG_TEST_RUN)", rc == -1 ? -Native.getLastError() : rc, "");
        }
        int retval = opts.getInt(OPTS_RETVAL);
        if (retval != 0) {
            throw new BpfException(PROGRAM + " rejected its arguments (seq " + seq + ", tid " + tid + ")", retval, "");
        }
        return args.getInt(emittedOffset) == 1;
    }

    /** Frees the native memory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        args.close();
        opts.close();
    }

    private static int member(StructLayout layout, String name, int size) {
        StructLayout.Member m = layout.member(name);
        if (m.size() != size) {
            throw new IllegalStateException("struct fl_loop_trigger_args." + name + " is " + m.size()
                    + " bytes in BTF, expected " + size);
        }
        return m.offset();
    }
}
