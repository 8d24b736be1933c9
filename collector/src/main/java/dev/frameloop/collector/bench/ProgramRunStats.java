package dev.frameloop.collector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's run statistics of one loaded BPF program (kept while {@code kernel.bpf_stats_enabled} is 1),
 * read from {@code /proc/self/fdinfo/<prog fd>}: {@code run_time_ns} and {@code run_cnt}.
 *
 * @param runTimeNs total time spent in the program, ns
 * @param runs      times it ran
 */
public record ProgramRunStats(long runTimeNs, long runs) {

    /** Average ns per run; 0 when it never ran. */
    public double averageNs() {
        return runs == 0 ? 0 : (double) runTimeNs / runs;
    }

    /** The counters since {@code earlier}. */
    public ProgramRunStats since(ProgramRunStats earlier) {
        return new ProgramRunStats(runTimeNs - earlier.runTimeNs, runs - earlier.runs);
    }

    /** Reads the statistics of program fd {@code fd} of this process. */
    public static ProgramRunStats ofFd(int fd) {
        Path info = Path.of("/proc/self/fdinfo", Integer.toString(fd));
        try {
            return parse(Files.readString(info));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + info, e);
        }
    }

    /** Parses a BPF program's fdinfo text ("run_time_ns:\t123\nrun_cnt:\t4\n…"). */
    static ProgramRunStats parse(String fdinfo) {
        Long time = null;
        Long count = null;
        for (String line : fdinfo.split("\n")) {
            String[] kv = line.split(":\\s*", 2);
            if (kv.length == 2 && kv[0].equals("run_time_ns")) {
                time = Long.parseLong(kv[1].strip());
            } else if (kv.length == 2 && kv[0].equals("run_cnt")) {
                count = Long.parseLong(kv[1].strip());
            }
        }
        if (time == null || count == null) {
            throw new IllegalArgumentException("not a BPF program's fdinfo (no run_time_ns/run_cnt): " + fdinfo.strip());
        }
        return new ProgramRunStats(time, count);
    }
}
