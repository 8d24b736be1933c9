package dev.frameloop.collector.record;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RingPlan;
import dev.frameloop.collector.ring.RingSizes;
import dev.frameloop.collector.sched.Gamer;
import dev.frameloop.collector.sched.GamerTunables;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.collector.sched.StreamCount;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scheduler mode: the gamer sched_ext scheduler ({@code gamer.bpf.o}, the code {@code frameloop sched}
 * runs), whose callbacks write thread classes, deadline misses, migrations, task stats and policy
 * applications into its rings. {@link #start()} registers it with the kernel; {@link #stop()}
 * unregisters it (the kernel then switches every task back to the fair class).
 */
public final class SchedulerSource implements RecordSource {
    /** Where each of gamer's streams comes from, as the manifest says. */
    static final Map<String, String> SOURCES = Map.of(
            EventTables.tableName(EventType.THREAD_CLASS), "gamer.bpf.o struct_ops classifier (ops.runnable/ops.running)",
            EventTables.tableName(EventType.DEADLINE_MISS), "gamer.bpf.o struct_ops ops.running (deadline vs start)",
            EventTables.tableName(EventType.MIGRATION), "gamer.bpf.o struct_ops ops.running (cpu change)",
            EventTables.tableName(EventType.TASK_STATS), "gamer.bpf.o struct_ops ops.stopping/ops.tick (stats window)",
            EventTables.tableName(EventType.POLICY_APPLIED), "gamer.bpf.o struct_ops ops.enqueue/select_cpu (boost_policy)");
    private static final long STATE_CHANGE_MILLIS = 10_000;

    private final StructOpsScheduler gamer;
    private final KernelRings rings;
    private final SchedExtSysfs sysfs;
    private final String sha256;
    private boolean started;

    private SchedulerSource(StructOpsScheduler gamer, KernelRings rings, SchedExtSysfs sysfs, String sha256) {
        this.gamer = gamer;
        this.rings = rings;
        this.sysfs = sysfs;
        this.sha256 = sha256;
    }

    /** Opens, configures (tunables, ring sizes) and loads gamer, and maps its rings. Nothing is registered yet. */
    public static SchedulerSource load(GamerTunables tunables, RingSizes sizes, SchedExtSysfs sysfs) {
        String state = sysfs.state().orElse("?");
        if (!SchedExtSysfs.DISABLED.equals(state)) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler is in charge (state: "
                    + state + ", ops: " + sysfs.rootOps().orElse("?") + "); stop it first, or record with --mode observe");
        }
        StructOpsScheduler gamer = Gamer.open();
        try {
            tunables.applyTo(gamer.object());
            RingPlan plan = KernelRings.configure(gamer.object(), sizes);
            try {
                gamer.load();
            } catch (BpfException e) {
                int code = e.errno() == Errno.EPERM || e.errno() == Errno.ENOTSUPP || e.errno() == Errno.EOPNOTSUPP
                        ? ExitCodes.UNAVAILABLE : ExitCodes.FAILURE;
                throw new UserFacingException(code, "the kernel did not accept " + Gamer.OBJECT + ".bpf.o: "
                        + e.getMessage(), e);
            }
            String sha = Sha256.hex(gamer.object().elfBytes());
            return new SchedulerSource(gamer, plan.open(), sysfs, sha);
        } catch (RuntimeException e) {
            gamer.close();
            throw e;
        }
    }

    @Override
    public String mode() {
        return RecordMode.SCHEDULER.label();
    }

    @Override
    public String objectSha256() {
        return sha256;
    }

    @Override
    public Map<String, String> eventSources() {
        return SOURCES;
    }

    @Override
    public KernelRings rings() {
        return rings;
    }

    /** The loaded scheduler (for game pids and policy). */
    public StructOpsScheduler scheduler() {
        return gamer;
    }

    @Override
    public void start() throws InterruptedException {
        try {
            gamer.attach();
        } catch (BpfException e) {
            if (e.errno() == Errno.EBUSY || e.errno() == Errno.EEXIST) {
                throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler took over first (ops: "
                        + sysfs.rootOps().orElse("?") + "): " + e.summary(), e);
            }
            throw new UserFacingException(ExitCodes.FAILURE, "registering " + Gamer.OPS_NAME + " failed: " + e.getMessage(), e);
        }
        started = true;
        String state = awaitState(SchedExtSysfs.ENABLED);
        Optional<String> ops = sysfs.rootOps();
        if (!SchedExtSysfs.ENABLED.equals(state) || !ops.equals(Optional.of(Gamer.OPS_NAME))) {
            throw new UserFacingException(ExitCodes.FAILURE, Gamer.OPS_NAME + " did not stay enabled (state: " + state
                    + ", ops: " + ops.orElse("none") + ")" + gamer.exitInfo().map(e -> ": " + e.describe()).orElse(""));
        }
    }

    @Override
    public Optional<String> stoppedOnItsOwn() {
        if (!started) {
            return Optional.empty();
        }
        String state = sysfs.state().orElse("gone");
        if (SchedExtSysfs.ENABLED.equals(state) && gamer.exitInfo().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the kernel ejected " + Gamer.OPS_NAME + ": "
                + gamer.exitInfo().map(e -> e.describe()).orElse("no exit record (sched_ext state is '" + state + "')"));
    }

    @Override
    public void stop() throws InterruptedException {
        if (started && gamer.isAttached()) {
            gamer.detach();
            awaitState(SchedExtSysfs.DISABLED);
        }
    }

    @Override
    public Map<String, Long> produced() {
        Map<String, Long> produced = new LinkedHashMap<>();
        List<StreamCount> streams = Gamer.readStreams(gamer.object());
        for (StreamCount stream : streams) {
            produced.put(EventTables.tableName(stream.type()), stream.written());
        }
        return produced;
    }

    @Override
    public void close() {
        try {
            rings.close();
        } finally {
            gamer.close();
        }
    }

    private String awaitState(String wanted) throws InterruptedException {
        long until = System.nanoTime() + STATE_CHANGE_MILLIS * 1_000_000;
        String state = sysfs.state().orElse("gone");
        while (!wanted.equals(state) && System.nanoTime() < until) {
            Thread.sleep(20);
            state = sysfs.state().orElse("gone");
        }
        return state;
    }
}
