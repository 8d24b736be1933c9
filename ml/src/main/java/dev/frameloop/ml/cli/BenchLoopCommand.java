package dev.frameloop.ml.cli;

import dev.frameloop.collector.bpf.BpfPrivileges;
import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.ml.bench.LoopBenchOptions;
import dev.frameloop.ml.bench.LoopBenchReport;
import dev.frameloop.ml.bench.LoopBenchResult;
import dev.frameloop.ml.bench.LoopBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop bench loop}: the closed loop's latency, trigger event to the scheduler's first use of the entry. */
@Command(name = "loop",
        mixinStandardHelpOptions = true,
        description = {
                "Measures the closed loop's latency on this machine: from the kernel timestamp of an event that"
                        + " triggers a prediction to the scheduler's own timestamp when it first uses the policy entry"
                        + " the loop wrote, p50/p99/p99.9 (HdrHistogram), with the loop's ring reader spinning and"
                        + " sleeping in epoll, and its parts: ring wakeup (trigger -> handler), feature update"
                        + " (OnlineFeatures over ThreadRoleWindows), predict (SafePredictor over the model), policy"
                        + " (RolePolicy), map write (MapPolicyWriter into boost_policy) and apply (write -> first use).",
                "Kernel side (loop_bench.bpf.c), observe mode, no sched_ext needed: a SEC(\"syscall\") program paced"
                        + " at --rate from a userspace thread writes trigger events (seq, bpf_ktime_get_ns(), a target"
                        + " thread's tid; adaptive wakeup); a tp_btf/sched_switch program stands in for the gamer"
                        + " scheduler: at the target thread's next context switch it finds the live entry, marks it"
                        + " applied and emits policy-applied with its own bpf_ktime_get_ns(), as gamer does. A second"
                        + " reader collects those; each trigger is paired with the event of the entry it wrote.",
                "Reference, same run: libbpf's own epoll wakeup (ring_buffer__poll in ringbuf_ref, bench.bpf.c's"
                        + " producer paced at the same rate). Spin, epoll and libbpf take turns in --segments segments"
                        + " after an untimed warmup segment each; the first 10 %% of each segment are warmup.",
                "Target: loop_spin_p99_us <= 100. Needs root (or CAP_BPF + CAP_PERFMON), libbpf, tp_btf and bpffs"
                        + " on /sys/fs/bpf. Progress goes to stderr; results to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:measured",
                "1:a ring dropped records or a reader failed (the results would be void)",
                "2:bad options, or --model is not a thread-role model folder",
                "3:this machine cannot run it (no libbpf, not root, no tp_btf, no bpffs, ringbuf_ref missing)"})
public final class BenchLoopCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "" + LoopBenchOptions.DEFAULT_RATE,
            description = "Triggers per second (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, defaultValue = "4s",
            description = "How long each of spin, epoll and libbpf runs in total, e.g. 4s, 500ms (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "8",
            description = "Segments per mode, taking turns (default: ${DEFAULT-VALUE}). Keep a segment under 0.5 s:"
                    + " the spinning reader is SCHED_FIFO, and the kernel throttles RT threads that run longer than"
                    + " sched_rt_runtime_us (950 ms) per second.")
    int segments;

    @Option(names = "--target-sleep-us", paramLabel = "US", defaultValue = "20",
            description = "How long the target thread sleeps between switches, µs (default: ${DEFAULT-VALUE}); the apply"
                    + " part waits for its next switch.")
    long targetSleepUs;

    @Option(names = "--model", paramLabel = "MODEL_DIR",
            description = "A thread-role model folder (frameloop train --task thread-role) to predict with (default: a"
                    + " logistic model trained in the bench on synthetic task_stats rows).")
    Path model;

    @Option(names = "--ref-consumer", paramLabel = "PATH",
            description = "The ringbuf_ref program to use (default: the one in the jar, else bpf/target/native/ringbuf_ref).")
    Path refConsumer;

    @Option(names = "--json", description = "Print exactly one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        LoopBenchOptions options;
        try {
            options = new LoopBenchOptions(rate, duration, segments, Duration.ofNanos(targetSleepUs * 1000), Optional.ofNullable(model),
                    Optional.ofNullable(refConsumer));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (!LibBpf.isAvailable()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, LibBpf.unavailableReason());
        }
        BpfPrivileges privileges = BpfPrivileges.ofThisProcess();
        if (!privileges.canTrace()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "loading the loop bench's BPF programs (a syscall"
                    + " program and a tp_btf/sched_switch probe) needs root (or CAP_BPF and CAP_PERFMON); euid is "
                    + privileges.euid() + ": run it with sudo");
        }
        PrintWriter err = spec.commandLine().getErr();
        LoopBenchResult result = LearningErrors.translate(() -> new LoopBenchmark(options, err).run());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? LoopBenchReport.json(result) : LoopBenchReport.text(result));
        out.flush();
        return ExitCodes.OK;
    }
}
