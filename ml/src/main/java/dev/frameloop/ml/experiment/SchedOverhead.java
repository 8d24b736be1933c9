package dev.frameloop.ml.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the gamer scheduler cost during one run: the CPU time of its struct_ops callbacks in the kernel (BPF
 * statistics, {@code kernel.bpf_stats_enabled}: each program's run_time_ns and run_cnt, read with bpftool
 * while the scheduler is attached), and the CPU time of its userspace process ({@code frameloop sched}).
 *
 * @param bpfRunTimeNs   summed run time of the scheduler's programs
 * @param bpfRuns        summed number of runs of those programs
 * @param userCpuNs      user + system CPU time of the sched process from attach to the end of the workload
 * @param wallNs         the wall time the numbers cover (from attach to the end of the workload)
 */
public record SchedOverhead(long bpfRunTimeNs, long bpfRuns, long userCpuNs, long wallNs) {
    /** The scheduler's programs: struct_ops callbacks whose names start with this. */
    static final String PROGRAM_PREFIX = "gamer_";
    static final Path BPF_STATS = Path.of("/proc/sys/kernel/bpf_stats_enabled");
    private static final long CLOCK_TICK_NS = 10_000_000L; // USER_HZ = 100 on Linux

    public SchedOverhead {
        if (wallNs <= 0) {
            throw new IllegalArgumentException("wallNs must be positive, got " + wallNs);
        }
    }

    /** The BPF callbacks' CPU time as a percentage of one CPU over the wall time. */
    public double bpfCpuPercent() {
        return 100.0 * bpfRunTimeNs / wallNs;
    }

    /** The userspace process's CPU time as a percentage of one CPU over the wall time. */
    public double userCpuPercent() {
        return 100.0 * userCpuNs / wallNs;
    }

    /** Mean time per BPF callback run, ns; NaN when none ran. */
    public double nsPerRun() {
        return bpfRuns == 0 ? Double.NaN : (double) bpfRunTimeNs / bpfRuns;
    }

    /** Sums run_time_ns and run_cnt of the scheduler's programs in {@code bpftool -j prog show} output. */
    static long[] bpfTotals(String bpftoolJson) throws IOException {
        JsonNode programs = new ObjectMapper().readTree(bpftoolJson);
        long time = 0;
        long runs = 0;
        for (JsonNode p : programs) {
            if (p.path("type").asText().equals("struct_ops") && p.path("name").asText().startsWith(PROGRAM_PREFIX)) {
                time += p.path("run_time_ns").asLong(0);
                runs += p.path("run_cnt").asLong(0);
            }
        }
        return new long[] {time, runs};
    }

    /** utime + stime of {@code /proc/PID/stat} contents, ns. */
    static long cpuNs(String procStat) {
        String[] fields = procStat.substring(procStat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is field 3, utime field 14, stime field 15 of the whole line
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_NS;
    }

    /** Turns on the kernel's BPF run-time statistics; returns the previous setting to restore. */
    static Optional<String> enableBpfStats() {
        try {
            String before = Files.readString(BPF_STATS).trim();
            Files.writeString(BPF_STATS, "1");
            return Optional.of(before);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void restoreBpfStats(String value) throws IOException {
        Files.writeString(BPF_STATS, value);
    }

    /** The CPU time process {@code pid} has used so far, ns. */
    static long processCpuNs(long pid) throws IOException {
        return cpuNs(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /**
     * Measures now, with the scheduler attached; empty (with the reason in {@code why}) when it cannot.
     *
     * @param cpuAtAttachNs the sched process's CPU time when it had attached ({@link #processCpuNs})
     */
    static Optional<SchedOverhead> measure(long schedPid, long wallNs, long cpuAtAttachNs, StringBuilder why)
            throws InterruptedException {
        try {
            Process p = new ProcessBuilder(List.of(bpftool(), "-j", "prog", "show")).redirectErrorStream(false).start();
            String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why.append("bpftool prog show failed");
                return Optional.empty();
            }
            long[] totals = bpfTotals(json);
            long cpu = processCpuNs(schedPid) - cpuAtAttachNs;
            return Optional.of(new SchedOverhead(totals[0], totals[1], cpu, wallNs));
        } catch (IOException | RuntimeException e) {
            why.append("could not measure: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    private static String bpftool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "bpftool"))) {
                return Path.of(dir, "bpftool").toString();
            }
        }
        return "/usr/sbin/bpftool";
    }
}
