package dev.frameloop.collector.bench;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.BpfProgram;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.jna.LibBpf;

import java.util.Objects;

/**
 * Runs a program of {@code bench.bpf.c} with {@code BPF_PROG_TEST_RUN}: each {@link #emit} call
 * makes the program emit {@code count} {@code struct fl_bench_record}s into its ring, in the
 * calling thread's context (on its CPU). The argument block ({@code struct fl_bench_args}) and
 * {@code struct bpf_test_run_opts} live in native memory owned here and reused: a call allocates
 * nothing, so a pacing thread can call it at 100k/s. Offsets of the argument block come from the
 * object's BTF, not from a copy of the C struct.
 *
 * <p>Not thread-safe: one producing thread.
 */
public final class BenchProducer implements AutoCloseable {
    /** Program that emits into the single ring {@code fl_rb_bench}. */
    public static final String SINGLE_RING_PROGRAM = "bench_emit";
    /** Program that emits into this CPU's shard of {@code fl_rbs_bench_set}. */
    public static final String RING_SET_PROGRAM = "bench_emit_set";
    /** Program that emits {@code struct fl_bench_frame}s (size {@code sizeof} it) into {@code fl_rb_bench}. */
    public static final String FRAME_PROGRAM = "bench_emit_frames";
    /** {@code sizeof(struct fl_bench_record)}: the smallest record. */
    public static final int MIN_RECORD_SIZE = 16;
    /** {@code FL_BENCH_MAX_SIZE}. */
    public static final int MAX_RECORD_SIZE = 65536;
    /** {@code FL_BENCH_MAX_COUNT}: records per run (bpf_loop's limit). */
    public static final long MAX_COUNT_PER_RUN = 1L << 23;

    // struct bpf_test_run_opts (libbpf 1.1, bpf/bpf.h), 80 bytes
    private static final int OPTS_SIZE = 80;
    private static final int OPTS_CTX_IN = 32;
    private static final int OPTS_CTX_SIZE_IN = 48;
    private static final int OPTS_RETVAL = 56;

    private final String programName;
    private final int programFd;
    private final Memory args;
    private final Memory opts;
    private final int countOffset;
    private final int firstSeqOffset;
    private final int sizeOffset;
    private final int wakeupOffset;
    private final int emittedOffset;
    private final int droppedOffset;
    private long lastDropped;
    private boolean closed;

    /**
     * @param object  the loaded bench object
     * @param program {@link #SINGLE_RING_PROGRAM}, {@link #RING_SET_PROGRAM} or {@link #FRAME_PROGRAM}
     */
    public BenchProducer(BpfObject object, String program) {
        Objects.requireNonNull(object, "object");
        BpfProgram prog = object.program(program);
        this.programName = program;
        this.programFd = prog.fd();
        StructLayout layout = object.btf().struct("fl_bench_args");
        this.countOffset = u64(layout, "count");
        this.firstSeqOffset = u64(layout, "first_seq");
        this.sizeOffset = u32(layout, "size");
        this.wakeupOffset = u32(layout, "wakeup");
        this.emittedOffset = u64(layout, "emitted");
        this.droppedOffset = u64(layout, "dropped");
        this.args = new Memory(layout.size());
        this.opts = new Memory(OPTS_SIZE);
        args.clear();
        opts.clear();
        opts.setLong(0, OPTS_SIZE);
        opts.setPointer(OPTS_CTX_IN, args);
        opts.setInt(OPTS_CTX_SIZE_IN, layout.size());
    }

    /**
     * Runs the program once.
     *
     * @param count    records to emit, 1..{@link #MAX_COUNT_PER_RUN}
     * @param firstSeq {@code seq} of the first; the others follow by 1
     * @param size     bytes per record, {@link #MIN_RECORD_SIZE}..{@link #MAX_RECORD_SIZE}
     * @param wakeup   how commits wake a sleeping reader
     * @return records committed; the rest were dropped ({@link #lastDropped()}) because the ring was full
     * @throws BpfException if the run fails
     */
    public long emit(long count, long firstSeq, int size, BenchWakeup wakeup) {
        if (closed) {
            throw new IllegalStateException("the bench producer is closed");
        }
        if (count < 1 || count > MAX_COUNT_PER_RUN) {
            throw new IllegalArgumentException("count must be in [1, " + MAX_COUNT_PER_RUN + "], got " + count);
        }
        if (size < MIN_RECORD_SIZE || size > MAX_RECORD_SIZE) {
            throw new IllegalArgumentException("record size must be in [" + MIN_RECORD_SIZE + ", " + MAX_RECORD_SIZE
                    + "] bytes, got " + size);
        }
        args.setLong(countOffset, count);
        args.setLong(firstSeqOffset, firstSeq);
        args.setInt(sizeOffset, size);
        args.setInt(wakeupOffset, wakeup.code());
        args.setLong(emittedOffset, 0);
        args.setLong(droppedOffset, 0);
        int rc = LibBpf.bpf_prog_test_run_opts(programFd, opts);
        if (rc != 0) {
            throw new BpfException("running " + programName + " (BPF_PROG_TEST_RUN)", rc == -1 ? -Native.getLastError() : rc, "");
        }
        int retval = opts.getInt(OPTS_RETVAL);
        if (retval != 0) {
            throw new BpfException(programName + " rejected its arguments (count " + count + ", size " + size + ")", retval, "");
        }
        lastDropped = args.getLong(droppedOffset);
        return args.getLong(emittedOffset);
    }

    /** Reservations that failed in the last {@link #emit} (ring full). */
    public long lastDropped() {
        return lastDropped;
    }

    /** Frees the native argument block. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        args.close();
        opts.close();
    }

    private static int u64(StructLayout layout, String member) {
        return offset(layout, member, 8);
    }

    private static int u32(StructLayout layout, String member) {
        return offset(layout, member, 4);
    }

    private static int offset(StructLayout layout, String member, int size) {
        StructLayout.Member m = layout.member(member);
        if (m.size() != size) {
            throw new IllegalStateException("struct fl_bench_args." + member + " is " + m.size() + " bytes in BTF, expected " + size);
        }
        return m.offset();
    }
}
