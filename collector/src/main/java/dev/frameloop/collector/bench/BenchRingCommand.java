package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.LibBpf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop bench ring}: the Java ring reader against libbpf's C consumer, same ring, same producer, same run. */
@Command(name = "ring",
        mixinStandardHelpOptions = true,
        description = {
                "Measure frameloop's Java ring-buffer reader against libbpf's own C consumer"
                        + " (ring_buffer__consume/ring_buffer__poll in the reference program ringbuf_ref), on the same"
                        + " BPF ring, fed by the same BPF producer (bench.bpf.c through BPF_PROG_TEST_RUN), in one run.",
                "Throughput: the producer commits --events records of --size bytes without wakeups, then one consumer"
                        + " drains them, timed around its consume loop; untimed warmup drains each (JIT, page faults), then --rounds rounds each,"
                        + " alternating; medians, per wall-clock second and per CPU-second of the consuming thread (the"
                        + " CPU-time ratio is the steadier one on a loaded machine). Also the bytes the Java draining thread"
                        + " allocates per record.",
                "Wakeup latency (producer's bpf_ktime_get_ns() to the handler, CLOCK_MONOTONIC) with the producer"
                        + " paced at each of --rates for --latency-duration: Java sleeping in epoll, libbpf in"
                        + " ring_buffer__poll, Java busy-spinning (with 2+ CPUs: pinned to the second allowed CPU, the"
                        + " producer to the first, and SCHED_FIFO 1 when permitted, so that other threads do not deschedule"
                        + " it; it costs that CPU), and Java's default idle strategy (spin, yield, epoll),"
                        + " with the CPU each consumer thread used. p50/p99/p99.9 from HdrHistogram; first 10 %% of each segment are warmup;"
                        + " the consumers take turns in segments so that foreign load hits them alike.",
                "Needs root (or CAP_BPF + CAP_PERFMON), libbpf, bpffs on /sys/fs/bpf and ringbuf_ref (in the jar,"
                        + " or bpf/target/native/ of the checkout). Progress goes to stderr; results to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:measured",
                "1:a consumer lost, duplicated or reordered records, or the producer dropped some",
                "2:bad options",
                "3:this machine cannot run it (no libbpf, not root, no bpffs, ringbuf_ref missing)"})
public final class BenchRingCommand implements Callable<Integer> {

    @Option(names = "--events", paramLabel = "N", defaultValue = "" + RingBenchOptions.DEFAULT_EVENTS,
            description = "Records per throughput round (default: ${DEFAULT-VALUE}). The ring is sized to hold a round:"
                    + " N x (size + 8) rounded up to a power of two (4 MB -> a 4 MiB ring for the defaults, which stays in"
                    + " cache like the collector's 64 KiB..1 MiB rings; 1000000 gives a 64 MiB ring and measures memory"
                    + " bandwidth instead, noisy on a shared machine).")
    long events;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "" + RingBenchOptions.DEFAULT_RECORD_SIZE,
            description = "Bytes per record, 16..65536; seq and timestamp take 16 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "" + RingBenchOptions.DEFAULT_ROUNDS,
            description = "Timed throughput rounds per consumer, after the warmup (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--rates", paramLabel = "RATE", split = ",", defaultValue = "10000,100000",
            description = "Producer rates of the latency phases, records/s (default: ${DEFAULT-VALUE}). The headline"
                    + " JSON keys report the lowest.")
    List<Long> rates;

    @Option(names = "--latency-duration", paramLabel = "D", converter = DurationConverter.class, defaultValue = "2s",
            description = "How long the producer runs in each latency phase, e.g. 2s, 500ms (default: ${DEFAULT-VALUE}).")
    Duration latencyDuration;

    @Option(names = "--ref-consumer", paramLabel = "PATH",
            description = "The ringbuf_ref program to use (default: the one in the jar, else bpf/target/native/ringbuf_ref).")
    Path refConsumer;

    @Option(names = "--pin", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "In the latency phases too, run the producer on the first allowed CPU and every consumer (Java"
                    + " and C alike) on the second (the throughput phase always does, so that no consumer reads from the"
                    + " producer's cache). Default: ${DEFAULT-VALUE}: the kernel places them, which copes better with other"
                    + " load on a shared machine.")
    boolean pin;

    @Option(names = "--json", description = "Print exactly one JSON object instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RingBenchOptions options;
        try {
            options = new RingBenchOptions(events, size, rounds, latencyDuration, rates, Optional.ofNullable(refConsumer), pin);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage());
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        BpfPrivileges privileges = BpfPrivileges.ofThisProcess();
        if (!privileges.canTrace()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "loading the benchmark producer needs root (or CAP_BPF and"
                    + " CAP_PERFMON); euid is " + privileges.euid() + ": run it with sudo");
        }
        PrintWriter err = spec.commandLine().getErr();
        RingBenchResult result = new RingBenchmark(options, err).run();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? RingBenchReport.json(result) : RingBenchReport.text(result));
        out.flush();
        return ExitCodes.OK;
    }
}
