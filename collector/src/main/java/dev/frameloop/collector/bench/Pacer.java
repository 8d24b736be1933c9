package dev.frameloop.collector.bench;

import dev.frameloop.collector.ring.ThreadTuning;

import java.util.concurrent.locks.LockSupport;

/**
 * Drives a producer at a fixed rate from the calling thread: record i is emitted (e.g. one
 * {@code BPF_PROG_TEST_RUN} with count 1, adaptive wakeup) at start + i / rate. Waits park until
 * 5 µs before a deadline, then spin; the calling thread's timer slack is set to 1 ns for the run
 * (Linux's default 50 µs slack would make every park overshoot a 10 µs period). Parking rather
 * than spinning keeps the pacer from starving a consumer that shares its CPU. A late record is
 * emitted at once, without skipping any (the achieved rate is reported).
 */
public final class Pacer {
    private static final long SPIN_NS = 5_000;

    private Pacer() {
    }

    /** Emits one record, in the calling thread. */
    @FunctionalInterface
    public interface Emitter {
        /** Emits the record numbered {@code seq}; false when the ring was full. */
        boolean emit(long seq);
    }

    /** What a paced run did. */
    public record Run(long records, long nanos) {
        public double achievedRate() {
            return records * 1e9 / nanos;
        }
    }

    /** Emits records {@code firstSeq ..} through {@code emitter}, {@code ratePerSecond} of them per second. */
    public static Run run(Emitter emitter, long records, long firstSeq, long ratePerSecond) {
        double periodNs = 1e9 / ratePerSecond;
        ThreadTuning.fineTimerSlack();
        try {
            return paced(emitter, records, firstSeq, periodNs);
        } finally {
            ThreadTuning.defaultTimerSlack();
        }
    }

    private static Run paced(Emitter emitter, long records, long firstSeq, double periodNs) {
        long start = System.nanoTime();
        for (long i = 0; i < records; i++) {
            long deadline = start + (long) (i * periodNs);
            long now;
            while ((now = System.nanoTime()) < deadline) {
                if (deadline - now > SPIN_NS) {
                    LockSupport.parkNanos(deadline - now - SPIN_NS);
                } else {
                    Thread.onSpinWait();
                }
            }
            if (!emitter.emit(firstSeq + i)) {
                throw new IllegalStateException("the ring was full during a paced run (record " + (firstSeq + i)
                        + "): the consumer fell behind by a whole ring");
            }
        }
        return new Run(records, System.nanoTime() - start);
    }
}
