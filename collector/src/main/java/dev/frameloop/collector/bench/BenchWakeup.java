package dev.frameloop.collector.bench;

/** {@code enum fl_bench_wakeup}: how the benchmark producer's commits wake a sleeping reader. */
public enum BenchWakeup {
    /** Flags 0: the kernel wakes the reader when it has caught up (the record is the first unread one). */
    ADAPTIVE(0),
    /** {@code BPF_RB_NO_WAKEUP}: never wake; the reader finds records by polling. */
    NONE(1),
    /** {@code BPF_RB_FORCE_WAKEUP}: wake on every record. */
    FORCE(2);

    private final int code;

    BenchWakeup(int code) {
        this.code = code;
    }

    /** The value of {@code fl_bench_args.wakeup}. */
    public int code() {
        return code;
    }
}
