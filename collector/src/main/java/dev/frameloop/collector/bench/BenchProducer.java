package dev.frameloop.collector.bench;

import com.sun.jna.Memory;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.BpfProgram;

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

    private final String programName;
    private final int programFd;
    private final TestRunArgs run;
    private final Memory args;
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
        this.run = new TestRunArgs(object.btf().struct("fl_bench_args"));
        this.args = run.args();
        this.countOffset = run.offset("count", 8);
        this.firstSeqOffset = run.offset("first_seq", 8);
        this.sizeOffset = run.offset("size", 4);
        this.wakeupOffset = run.offset("wakeup", 4);
        this.emittedOffset = run.offset("emitted", 8);
        this.droppedOffset = run.offset("dropped", 8);
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
        int retval = run.run(programFd, programName);
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
        run.close();
    }
}
