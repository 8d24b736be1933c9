package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.bpf.StructView;

import java.util.List;

/** The names inside bpf/src/gamer.bpf.c that userspace uses, and how to read its counters. */
public final class Gamer {
    /** Classpath object /bpf/gamer.bpf.o. */
    public static final String OBJECT = "gamer";
    /** The SEC(".struct_ops") variable. */
    public static final String OPS_MAP = "gamer_ops";
    /** The name sched_ext shows in /sys/kernel/sched_ext/root/ops. */
    public static final String OPS_NAME = "gamer";
    /** The struct fl_exit_info in .bss. */
    public static final String EXIT_VARIABLE = "gamer_exit";
    /** Per-CPU array of struct gamer_stats. */
    public static final String STATS_MAP = "gamer_stats";

    private Gamer() {
    }

    /** Opens gamer.bpf.o from the classpath, ready to load (sleepable callbacks marked, link-based ops). */
    public static StructOpsScheduler open() {
        BpfObject object = BpfObject.openResource(OBJECT);
        try {
            return StructOpsScheduler.prepare(object, OPS_MAP, EXIT_VARIABLE);
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    /** Sums gamer_stats over all CPUs. The object must be loaded. */
    public static GamerStats readStats(BpfObject gamer) {
        StructLayout layout = gamer.btf().struct("gamer_stats");
        List<StructView> perCpu = gamer.map(STATS_MAP).lookupPerCpu(new byte[4], layout);
        long direct = 0;
        long shared = 0;
        long kicks = 0;
        long dispatches = 0;
        for (StructView cpu : perCpu) {
            direct += cpu.u64("direct_dispatches");
            shared += cpu.u64("shared_enqueues");
            kicks += cpu.u64("idle_kicks");
            dispatches += cpu.u64("dispatches");
        }
        return new GamerStats(direct, shared, kicks, dispatches);
    }
}
