package dev.frameloop.core.dataset.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes the same rows with several {@link WriterCandidate}s in one process and reports rows/s,
 * bytes/row and allocation/row of each: after warm-up rounds, the candidates take turns round
 * by round (A B C A B C …) so that a noisy machine slows them alike, and each result is the
 * median of its rounds.
 *
 * <p>Plain Java rather than JMH: this comparison runs inside {@code frameloop bench record},
 * in the same process and run as the end-to-end measurement with the kernel producer, and
 * prints one report; a round is a whole file written, closed and fsynced (a single-shot
 * macro benchmark), which is what the record path does.
 */
public final class WriterComparison {
    private final List<WriterCandidate> candidates;
    private final long rowsPerRound;
    private final int warmupRounds;
    private final int rounds;
    private final Path scratch;

    /**
     * @param candidates   the writers to compare, in print order
     * @param rowsPerRound rows per file
     * @param warmupRounds unmeasured rounds per candidate first
     * @param rounds       measured rounds per candidate
     * @param scratch      folder for the files (deleted after each round)
     */
    public WriterComparison(List<WriterCandidate> candidates, long rowsPerRound, int warmupRounds, int rounds,
                            Path scratch) {
        this.candidates = List.copyOf(candidates);
        if (this.candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to compare");
        }
        if (rowsPerRound < 1 || warmupRounds < 0 || rounds < 1) {
            throw new IllegalArgumentException("need rowsPerRound >= 1, warmupRounds >= 0, rounds >= 1; got "
                    + rowsPerRound + ", " + warmupRounds + ", " + rounds);
        }
        this.rowsPerRound = rowsPerRound;
        this.warmupRounds = warmupRounds;
        this.rounds = rounds;
        this.scratch = Objects.requireNonNull(scratch, "scratch");
    }

    /** Runs every round and returns one measurement per candidate, in candidate order. */
    public List<WriterMeasurement> run() throws IOException {
        int n = candidates.size();
        for (int round = 0; round < warmupRounds; round++) {
            for (WriterCandidate candidate : candidates) {
                writeOnce(candidate, round);
            }
        }
        double[][] rates = new double[n][rounds];
        double[][] cpuRates = new double[n][rounds];
        long[] bytes = new long[n];
        long[] allocated = new long[n];
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < n; c++) {
                Round result = writeOnce(candidates.get(c), round);
                rates[c][round] = rowsPerRound / (result.nanos / 1e9);
                cpuRates[c][round] = rowsPerRound / (Math.max(1, result.cpuNanos) / 1e9);
                bytes[c] = result.bytes;
                allocated[c] += result.allocated;
            }
        }
        List<WriterMeasurement> measurements = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            measurements.add(new WriterMeasurement(candidates.get(c).name(), rowsPerRound, rounds, median(rates[c]),
                    median(cpuRates[c]), (double) bytes[c] / rowsPerRound,
                    (double) allocated[c] / rounds / rowsPerRound));
        }
        return measurements;
    }

    private Round writeOnce(WriterCandidate candidate, int round) throws IOException {
        Files.createDirectories(scratch);
        Path file = scratch.resolve(candidate.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + round + ".parquet");
        Files.deleteIfExists(file);
        var threads = ManagementFactory.getThreadMXBean();
        long allocatedBefore = allocatedBytes();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long size = candidate.writeFile(file, rowsPerRound);
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = allocatedBytes() - allocatedBefore;
        Files.deleteIfExists(file);
        return new Round(nanos, cpuNanos, size, allocated);
    }

    private static long allocatedBytes() {
        var threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean hotspot) {
            return hotspot.getCurrentThreadAllocatedBytes();
        }
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private record Round(long nanos, long cpuNanos, long bytes, long allocated) {
    }
}
