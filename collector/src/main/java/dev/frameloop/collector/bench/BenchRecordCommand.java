package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.LibBpf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code frameloop bench record}: the whole record path against parquet-avro alone, same records, same run. */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        description = {
                "Measure frameloop record's whole path — BPF producer (bench.bpf.c's bench_emit_frames through"
                        + " BPF_PROG_TEST_RUN: 40-byte frame-timing records, four longs and two flags) -> a 16 MiB"
                        + " ring -> the Java reader -> a session writer (rolling Parquet part files, columns written"
                        + " straight from the ring, v2 pages with delta encodings, SNAPPY, synced and renamed when"
                        + " complete) on disk — for --seconds, then, in the same process, parquet-avro alone"
                        + " (AvroParquetWriter with the same Avro schema, a new GenericRecord per row, SNAPPY, default"
                        + " settings) writing the same records (the first 2,000,000 the reader saw, each checked"
                        + " against what the producer derives from its seq; median of 3 files after one warm-up) as"
                        + " the reference. Without --rate the pipeline runs in 3 segments with a reference round"
                        + " after each (both see the same load on a shared machine).",
                "Without --rate the producer runs as fast as the pipeline takes records (it keeps at most half a"
                        + " ring ahead of the reader, so nothing is dropped); with --rate it commits that many"
                        + " records per second and counts what the ring could not hold as drops.",
                "Prints end-to-end events/s, the reference's events/s, ratio (>= 1: the whole path is no slower"
                        + " than parquet-avro by itself), drops, the heap's high-water mark (sum of the heap pools'"
                        + " peaks) and bytes per row on disk. Files go to a temporary folder, deleted afterwards.",
                "Needs root (or CAP_BPF + CAP_PERFMON) and libbpf. Progress goes to stderr; results to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:measured",
                "2:bad options",
                "3:this machine cannot run it (no libbpf, not root)",
                "4:writing the files failed"})
public final class BenchRecordCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "How long the producer runs, seconds (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Producer rate, records/s; 0: as fast as the pipeline takes records (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--json", description = "Print exactly one JSON object (keys events_per_s,"
            + " reference_events_per_s, ratio, drops, heap_max_bytes, bytes_per_row, ...) instead of lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RecordBenchmark benchmark;
        try {
            if (seconds < 1) {
                throw new IllegalArgumentException("--seconds must be at least 1, was " + seconds);
            }
            benchmark = new RecordBenchmark(Duration.ofSeconds(seconds), rate, spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage());
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        BpfPrivileges privileges = BpfPrivileges.ofThisProcess();
        if (!privileges.canTrace()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "loading the benchmark producer needs CAP_BPF and"
                    + " CAP_PERFMON (or root); euid is " + privileges.euid() + ": run it with sudo");
        }
        RecordBenchResult result;
        try {
            result = benchmark.run();
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "bench record: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? RecordBenchReport.json(result) : RecordBenchReport.text(result));
        out.flush();
        return ExitCodes.OK;
    }
}
