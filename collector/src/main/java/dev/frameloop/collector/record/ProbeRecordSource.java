package dev.frameloop.collector.record;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfMap;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.bpf.StructView;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.probe.ProbeMode;
import dev.frameloop.collector.probe.ProbeOptions;
import dev.frameloop.collector.probe.ProbeSet;
import dev.frameloop.collector.ring.KernelRing;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.sched.Gamer;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A mode's BPF side, loaded through {@link ProbeSet}: observe.bpf.o with every probe this kernel can
 * run, or gamer.bpf.o (the scheduler and the same probes). Probes attach when it loads; in scheduler
 * mode {@link #start()} registers the scheduler with the kernel. {@link #stop()} detaches every
 * program (and unregisters the scheduler), so that the rings can be drained to the last record.
 */
public final class ProbeRecordSource implements RecordSource {
    private static final long STATE_CHANGE_MILLIS = 10_000;

    private final ProbeSet probes;
    private final KernelRings rings;
    private final SchedExtSysfs sysfs;
    private final String sha256;
    private boolean registered;
    private boolean stopped;
    private boolean keepAttached;
    private boolean ejected;

    private ProbeRecordSource(ProbeSet probes, KernelRings rings, SchedExtSysfs sysfs, String sha256) {
        this.probes = probes;
        this.rings = rings;
        this.sysfs = sysfs;
        this.sha256 = sha256;
    }

    /** Opens, configures and loads the mode's object, attaches its probes and maps its rings. */
    public static ProbeRecordSource load(ProbeMode mode, ProbeOptions options, SchedExtSysfs sysfs) {
        if (mode == ProbeMode.SCHEDULER) {
            String state = sysfs.state().orElse("?");
            if (!SchedExtSysfs.DISABLED.equals(state)) {
                throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler is in charge (state: "
                        + state + ", ops: " + sysfs.rootOps().orElse("?") + "); stop it first, or record with --mode observe");
            }
        }
        ProbeSet probes;
        try {
            probes = ProbeSet.open(mode, options);
        } catch (BpfException e) {
            int code = e.errno() == Errno.EPERM || e.errno() == Errno.ENOTSUPP || e.errno() == Errno.EOPNOTSUPP
                    ? ExitCodes.UNAVAILABLE : ExitCodes.FAILURE;
            throw new UserFacingException(code, "the kernel did not accept " + mode.object() + ".bpf.o: " + e.getMessage(), e);
        }
        try {
            String sha = Sha256.hex(probes.object().elfBytes());
            return new ProbeRecordSource(probes, probes.rings(), sysfs, sha);
        } catch (RuntimeException e) {
            probes.close();
            throw e;
        }
    }

    @Override
    public String mode() {
        return probes.mode() == ProbeMode.SCHEDULER ? RecordMode.SCHEDULER.label() : RecordMode.OBSERVE.label();
    }

    @Override
    public String objectSha256() {
        return sha256;
    }

    @Override
    public Map<String, String> eventSources() {
        Map<String, String> sources = new TreeMap<>();
        probes.sources().forEach((type, source) -> sources.put(EventTables.tableName(type), source));
        return sources;
    }

    @Override
    public List<KernelRing> rings() {
        return rings.rings();
    }

    @Override
    public long drops(KernelRing ring) {
        return rings.drops().drops(ring.stream(), ring.shard());
    }

    /** Keeps the programs attached at {@link #stop()} (they are pinned: the next record --resume reads on). */
    void keepAttached() {
        keepAttached = true;
    }

    /** The probe set (its object, hooks and scheduler). */
    public ProbeSet probes() {
        return probes;
    }

    @Override
    public void start() throws InterruptedException {
        Optional<StructOpsScheduler> scheduler = probes.scheduler();
        if (scheduler.isEmpty()) {
            return;
        }
        StructOpsScheduler gamer = scheduler.get();
        try {
            gamer.attach();
        } catch (BpfException e) {
            if (e.errno() == Errno.EBUSY || e.errno() == Errno.EEXIST) {
                throw new UserFacingException(ExitCodes.UNAVAILABLE, "another sched_ext scheduler took over first (ops: "
                        + sysfs.rootOps().orElse("?") + "): " + e.summary(), e);
            }
            throw new UserFacingException(ExitCodes.FAILURE, "registering " + Gamer.OPS_NAME + " failed: " + e.getMessage(), e);
        }
        registered = true;
        String state = awaitState(SchedExtSysfs.ENABLED);
        Optional<String> ops = sysfs.rootOps();
        if (!SchedExtSysfs.ENABLED.equals(state) || !ops.equals(Optional.of(Gamer.OPS_NAME))) {
            throw new UserFacingException(ExitCodes.FAILURE, Gamer.OPS_NAME + " did not stay enabled (state: " + state
                    + ", ops: " + ops.orElse("none") + ")" + gamer.exitInfo().map(x -> ": " + x.describe()).orElse(""));
        }
    }

    @Override
    public Optional<String> stoppedOnItsOwn() {
        return Optional.empty();
    }

    @Override
    public Optional<String> continueAfterEjection() {
        if (!registered || stopped || ejected) {
            return Optional.empty();
        }
        StructOpsScheduler gamer = probes.scheduler().orElseThrow();
        String state = sysfs.state().orElse("gone");
        if (SchedExtSysfs.ENABLED.equals(state) && gamer.exitInfo().isEmpty()) {
            return Optional.empty();
        }
        ejected = true;
        List<String> standby = probes.attachStandby().stream()
                .map(h -> h.chain().type().name().toLowerCase(java.util.Locale.ROOT) + " from " + h.source()).toList();
        return Optional.of("the kernel ejected " + Gamer.OPS_NAME + ": "
                + gamer.exitInfo().map(x -> x.describe()).orElse("no exit record (sched_ext state is '" + state + "')")
                + "; recording goes on in observe mode (the probes keep running"
                + (standby.isEmpty() ? "" : "; " + String.join(", ", standby)) + ")");
    }

    @Override
    public void stop() throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        if (keepAttached) {
            return;
        }
        probes.object().detachAll();
        if (registered) {
            awaitState(SchedExtSysfs.DISABLED);
        }
    }

    /** Per event table, {@code fl_stream_events[type].written} summed over CPUs: records committed to the rings. */
    @Override
    public Map<String, Long> produced() {
        Map<String, Long> produced = new TreeMap<>();
        Optional<BpfMap> events = probes.object().findMap(Gamer.STREAM_EVENTS_MAP);
        if (events.isEmpty()) {
            return produced;
        }
        StructLayout counter = probes.object().btf().struct("fl_stream_counter");
        for (EventType type : EventType.values()) {
            long written = 0;
            byte[] key = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(type.code()).array();
            for (StructView cpu : events.get().lookupPerCpu(key, counter)) {
                written += cpu.u64("written");
            }
            if (written > 0) {
                produced.put(EventTables.tableName(type), written);
            }
        }
        return produced;
    }

    @Override
    public void close() {
        probes.close(); // unmaps the rings too
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
