package dev.frameloop.collector.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code frameloop bench ring} measures.
 *
 * @param events          records per throughput round (the ring is sized to hold them all)
 * @param recordSize      bytes per record, header of the ring not included
 * @param rounds          timed throughput rounds per consumer (after one warmup round each)
 * @param latencyDuration producer run time of each latency phase
 * @param rates           producer rates of the latency phases, records/s
 * @param refConsumer     the reference consumer, when not found the usual way
 * @param pin             run the producer on one CPU and every consumer on another (when 2+ CPUs are allowed)
 */
public record RingBenchOptions(long events, int recordSize, int rounds, Duration latencyDuration, List<Long> rates,
                               Optional<Path> refConsumer, boolean pin) {
    public static final long DEFAULT_EVENTS = 100_000;
    public static final int DEFAULT_RECORD_SIZE = 32;
    public static final int DEFAULT_ROUNDS = 5;
    public static final Duration DEFAULT_LATENCY_DURATION = Duration.ofSeconds(2);
    public static final List<Long> DEFAULT_RATES = List.of(10_000L, 100_000L);

    public RingBenchOptions {
        if (events < 1) {
            throw new IllegalArgumentException("--events must be >= 1, got " + events);
        }
        if (recordSize < BenchProducer.MIN_RECORD_SIZE || recordSize > BenchProducer.MAX_RECORD_SIZE) {
            throw new IllegalArgumentException("--size must be in [" + BenchProducer.MIN_RECORD_SIZE + ", "
                    + BenchProducer.MAX_RECORD_SIZE + "] bytes (seq and timestamp take 16), got " + recordSize);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
        }
        if (latencyDuration.isNegative() || latencyDuration.isZero()) {
            throw new IllegalArgumentException("--latency-duration must be positive");
        }
        rates = List.copyOf(rates);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("--rates needs at least one rate");
        }
        for (long rate : rates) {
            if (rate < 1 || rate > 1_000_000) {
                throw new IllegalArgumentException("a rate must be in [1, 1000000] records/s, got " + rate);
            }
        }
    }

    /** Ring bytes needed to hold one throughput round: a power of two, at least 256 KiB. */
    public long ringBytes() {
        long needed = events * dev.frameloop.core.ring.RingBufferDescriptor.recordLength(recordSize) + 4096;
        long bytes = 256 << 10;
        while (bytes < needed) {
            bytes <<= 1;
        }
        return bytes;
    }

    /** Records of a latency phase at {@code rate}. */
    public long latencyRecords(long rate) {
        return Math.max(100, latencyDuration.toNanos() * rate / 1_000_000_000L);
    }
}
