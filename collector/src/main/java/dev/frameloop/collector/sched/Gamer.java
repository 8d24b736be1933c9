package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfMap;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.bpf.StructView;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.MigrationReason;
import dev.frameloop.core.event.ThreadClass;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
    /** Per-CPU array of struct fl_stream_counter, indexed by event type code (emit.bpf.h). */
    public static final String STREAM_EVENTS_MAP = "fl_stream_events";
    /** Per-CPU array of u64 drops, indexed by stream * {@value #RING_SHARDS_MAX} + shard (rings.bpf.h). */
    public static final String RING_DROPS_MAP = "fl_ring_drops";
    /** FL_RING_SHARDS_MAX of rings.bpf.h. */
    public static final int RING_SHARDS_MAX = 64;
    /** Hash tgid -> struct fl_game (threads.bpf.h). */
    public static final String GAME_PIDS_MAP = "game_pids";
    /** fl_game_source FL_GAME_SOURCE_USER. */
    static final int GAME_SOURCE_USER = 1;

    /** The streams the scheduler writes, in the order reports list them. */
    public static final List<EventType> STREAMS = List.of(EventType.THREAD_CLASS, EventType.DEADLINE_MISS,
            EventType.MIGRATION, EventType.TASK_STATS, EventType.POLICY_APPLIED);

    private static final MigrationReason[] REASONS_BY_CODE = {MigrationReason.UNKNOWN, MigrationReason.IDLE_PICK,
            MigrationReason.WAKEUP_AFFINITY, MigrationReason.LOAD_BALANCE, MigrationReason.CPUMASK_CHANGE};

    private Gamer() {
    }

    /** Opens gamer.bpf.o from the classpath, ready to configure and load (sleepable callbacks marked, link-based ops). */
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
        String[] names = {"direct_dispatches", "shared_enqueues", "idle_kicks", "dispatches", "preempt_kicks",
                "stalled_enqueues", "policy_lookups", "policy_applied", "policy_expired", "idle_picks_whole_core",
                "idle_picks_busy_sibling"};
        long[] scalars = new long[names.length];
        Map<ThreadClass, Long> classChanges = new EnumMap<>(ThreadClass.class);
        Map<ThreadClass, Long> misses = new EnumMap<>(ThreadClass.class);
        Map<MigrationReason, Long> migrations = new EnumMap<>(MigrationReason.class);
        for (StructView cpu : perCpu) {
            for (int i = 0; i < names.length; i++) {
                scalars[i] += cpu.u64(names[i]);
            }
            for (int c = 0; c < cpu.u64Count("class_changes"); c++) {
                classChanges.merge(ThreadClass.fromCode(c), cpu.u64("class_changes", c), Long::sum);
                misses.merge(ThreadClass.fromCode(c), cpu.u64("deadline_misses", c), Long::sum);
            }
            for (int r = 0; r < Math.min(REASONS_BY_CODE.length, cpu.u64Count("migrations")); r++) {
                migrations.merge(REASONS_BY_CODE[r], cpu.u64("migrations", r), Long::sum);
            }
        }
        return new GamerStats(scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5], scalars[6],
                scalars[7], scalars[8], scalars[9], scalars[10], classChanges, misses, migrations);
    }

    /** Records written and dropped per stream of the scheduler, summed over CPUs (and shards). The object must be loaded. */
    public static List<StreamCount> readStreams(BpfObject gamer) {
        return readStreams(gamer, STREAMS);
    }

    /**
     * Records written and dropped per stream of {@code types}, summed over CPUs (and shards), in any loaded object
     * that writes through emit.bpf.h (gamer, observe).
     */
    public static List<StreamCount> readStreams(BpfObject object, List<EventType> types) {
        BpfMap events = object.map(STREAM_EVENTS_MAP);
        StructLayout counter = object.btf().struct("fl_stream_counter");
        BpfMap drops = object.map(RING_DROPS_MAP);
        List<StreamCount> counts = new ArrayList<>();
        for (EventType type : types) {
            long written = 0;
            for (StructView cpu : events.lookupPerCpu(key(type.code()), counter)) {
                written += cpu.u64("written");
            }
            long dropped = 0;
            boolean set = object.findMap("fl_rbs_" + type.name().toLowerCase(java.util.Locale.ROOT)).isPresent();
            int shards = set ? RING_SHARDS_MAX : 1;
            for (int shard = 0; shard < shards; shard++) {
                dropped += sumPerCpuU64(drops, key(type.code() * RING_SHARDS_MAX + shard));
            }
            counts.add(new StreamCount(type, written, dropped));
        }
        return counts;
    }

    /**
     * Makes process {@code pid} count as a game: its threads get the game class (unless stronger evidence
     * says otherwise). The object must be loaded; {@code sinceNs} is CLOCK_MONOTONIC.
     */
    public static void addGamePid(BpfObject gamer, int pid, long sinceNs) {
        StructLayout game = gamer.btf().struct("fl_game");
        ByteBuffer value = ByteBuffer.allocate(game.size()).order(ByteOrder.LITTLE_ENDIAN);
        value.putLong(game.member("since_ns").offset(), sinceNs);
        value.putInt(game.member("source").offset(), GAME_SOURCE_USER);
        gamer.map(GAME_PIDS_MAP).update(key(pid), value.array(), LibBpf.BPF_ANY);
    }

    private static long sumPerCpuU64(BpfMap map, byte[] key) {
        byte[] value = new byte[map.lookupBufferSize()];
        if (!map.lookup(key, value)) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        long sum = 0;
        for (int at = 0; at + 8 <= value.length; at += map.perCpuStride()) {
            sum += b.getLong(at);
        }
        return sum;
    }

    private static byte[] key(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
