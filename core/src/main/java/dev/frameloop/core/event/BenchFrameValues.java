package dev.frameloop.core.event;

/**
 * The values the benchmark producer ({@code fl_bench_frame_fill} in {@code bench.bpf.c}) writes
 * into a {@code struct fl_bench_frame}, from its {@code seq} alone (all but the timestamp): a
 * reader checks each row it got against them. {@code h = splitmix64(seq)}, then disjoint bit
 * fields of {@code h}.
 */
public final class BenchFrameValues {

    private BenchFrameValues() {
    }

    /** 16.17–17.21 ms: 60 Hz with jitter. */
    public static long frameIntervalNs(long seq) {
        return 16_166_667L + ((hash(seq) >>> 32) & 0xFFFFF);
    }

    /** 0.8–5.0 ms. */
    public static long gpuToPresentNs(long seq) {
        return 800_000L + ((hash(seq) >>> 10) & 0x3FFFFF);
    }

    /** 1 in 128. */
    public static boolean frameDropped(long seq) {
        return ((hash(seq) >>> 57) & 127) == 0;
    }

    /** 1 in 32. */
    public static boolean vsyncMissed(long seq) {
        return ((hash(seq) >>> 52) & 31) == 0;
    }

    private static long hash(long seq) {
        long h = seq + 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
