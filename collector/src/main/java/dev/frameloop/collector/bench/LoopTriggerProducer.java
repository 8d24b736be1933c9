package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;

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

    private final int programFd;
    private final TestRunArgs run;
    private final int seqOffset;
    private final int tidOffset;
    private final int emittedOffset;
    private boolean closed;

    /** @param object the loaded loop_bench object */
    public LoopTriggerProducer(BpfObject object) {
        Objects.requireNonNull(object, "object");
        this.programFd = object.program(PROGRAM).fd();
        this.run = new TestRunArgs(object.btf().struct("fl_loop_trigger_args"));
        this.seqOffset = run.offset("seq", 8);
        this.tidOffset = run.offset("tid", 4);
        this.emittedOffset = run.offset("emitted", 4);
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
        run.args().setLong(seqOffset, seq);
        run.args().setInt(tidOffset, tid);
        run.args().setInt(emittedOffset, 0);
        int retval = run.run(programFd, PROGRAM);
        if (retval != 0) {
            throw new BpfException(PROGRAM + " rejected its arguments (seq " + seq + ", tid " + tid + ")", retval, "");
        }
        return run.args().getInt(emittedOffset) == 1;
    }

    /** Frees the native memory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        run.close();
    }
}
