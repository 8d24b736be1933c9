package dev.frameloop.collector.record;

import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.jna.LibC;
import dev.frameloop.collector.ring.KernelRing;
import dev.frameloop.collector.ring.MappedRing;
import dev.frameloop.collector.ring.RingStream;
import dev.frameloop.collector.sched.Gamer;
import dev.frameloop.collector.sched.SchedExtSysfs;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code record --resume}: the rings, counters and links an earlier {@code record --pin} left in bpffs.
 * Nothing is loaded: the programs kept producing into the pinned rings while no recorder ran, and the
 * rings' {@code consumer_pos} (in the ring map, not in the process) says where the last reader
 * stopped, so reading on loses nothing the rings could hold. {@link #stop()} removes the link pins
 * (detaching the programs, unregistering the scheduler) unless the session pins again, then
 * {@link #close()} removes the rest.
 */
final class PinnedSource implements RecordSource {
    private static final long STATE_CHANGE_MILLIS = 10_000;

    private final PinDirectory pins;
    private final Path modeDir;
    private final String mode;
    private final List<KernelRing> rings;
    private final List<Integer> fds;
    private final int dropsFd;
    private final int streamsFd;
    private final int counterStride;
    private final String sha256;
    private final Map<String, String> sources;
    private final SchedExtSysfs sysfs;
    private boolean keepPinned;
    private boolean stopped;

    private PinnedSource(PinDirectory pins, Path modeDir, List<KernelRing> rings, List<Integer> fds, int dropsFd,
                         int streamsFd, int counterStride, String sha256, Map<String, String> sources, SchedExtSysfs sysfs) {
        this.pins = pins;
        this.modeDir = modeDir;
        this.mode = modeDir.getFileName().toString();
        this.rings = rings;
        this.fds = fds;
        this.dropsFd = dropsFd;
        this.streamsFd = streamsFd;
        this.counterStride = counterStride;
        this.sha256 = sha256;
        this.sources = sources;
        this.sysfs = sysfs;
    }

    /**
     * Opens and maps what is pinned; {@code sha256} and {@code sources} are the pinning session's
     * (from its manifest), or empty when unknown.
     */
    static PinnedSource open(PinDirectory pins, String sha256, Map<String, String> sources, SchedExtSysfs sysfs) {
        Path modeDir = pins.pinned().orElseThrow(() -> new IllegalStateException("nothing is pinned in " + pins.root()));
        List<KernelRing> rings = new ArrayList<>();
        List<Integer> fds = new ArrayList<>();
        try {
            for (PinDirectory.PinnedRing ring : PinDirectory.rings(modeDir)) {
                int fd = PinDirectory.open(ring.path());
                fds.add(fd);
                rings.add(new KernelRing(rings.size(), ring.name(), ring.stream(), ring.shard(),
                        MappedRing.map(ring.name(), fd, ring.bytes())));
            }
            int drops = PinDirectory.open(modeDir.resolve(PinDirectory.DROPS));
            fds.add(drops);
            int streams = -1;
            if (Files.exists(modeDir.resolve(PinDirectory.STREAMS))) {
                streams = PinDirectory.open(modeDir.resolve(PinDirectory.STREAMS));
                fds.add(streams);
            }
            return new PinnedSource(pins, modeDir, rings, fds, drops, streams, counterSize(modeDir), sha256,
                    sources, sysfs);
        } catch (RuntimeException e) {
            rings.forEach(r -> r.mapped().close());
            fds.forEach(LibC::close);
            throw e;
        }
    }

    /** Pins stay at {@link #stop()} and {@link #close()}: the session was started with --pin again. */
    void keepPinned() {
        keepPinned = true;
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public String objectSha256() {
        return sha256;
    }

    @Override
    public Map<String, String> eventSources() {
        return sources;
    }

    @Override
    public List<KernelRing> rings() {
        return rings;
    }

    @Override
    public long drops(KernelRing ring) {
        return sumPerCpu(dropsFd, ring.stream().id() * RingStream.SHARDS_MAX + ring.shard(), 8);
    }

    @Override
    public void start() {
        // the pinned programs never stopped
    }

    @Override
    public Optional<String> stoppedOnItsOwn() {
        if (stopped || !RecordMode.SCHEDULER.label().equals(mode)) {
            return Optional.empty();
        }
        String state = sysfs.state().orElse("gone");
        return SchedExtSysfs.ENABLED.equals(state) ? Optional.empty()
                : Optional.of("the kernel ejected " + Gamer.OPS_NAME + " (sched_ext state is '" + state + "')");
    }

    @Override
    public void stop() throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        if (keepPinned) {
            return;
        }
        for (Path link : PinDirectory.links(modeDir)) {
            try {
                Files.delete(link);
            } catch (IOException e) {
                throw new UncheckedIOException("removing " + link, e);
            }
        }
        if (RecordMode.SCHEDULER.label().equals(mode)) {
            long until = System.nanoTime() + STATE_CHANGE_MILLIS * 1_000_000;
            while (!SchedExtSysfs.DISABLED.equals(sysfs.state().orElse("gone")) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        }
    }

    @Override
    public Map<String, Long> produced() {
        Map<String, Long> produced = new TreeMap<>();
        if (streamsFd < 0) {
            return produced;
        }
        for (EventType type : EventType.values()) {
            long written = sumPerCpu(streamsFd, type.code(), counterStride);
            if (written > 0) {
                produced.put(EventTables.tableName(type), written);
            }
        }
        return produced;
    }

    @Override
    public void close() {
        rings.forEach(r -> r.mapped().close());
        fds.forEach(LibC::close);
        if (!keepPinned) {
            pins.unpinAll();
        }
    }

    /** Sum over CPUs of the first u64 of each CPU's value ({@code written} of fl_stream_counter, or a drop count). */
    private static long sumPerCpu(int fd, int key, int valueSize) {
        int cpus = LibBpf.libbpf_num_possible_cpus();
        int stride = (valueSize + 7) & ~7;
        byte[] value = new byte[stride * cpus];
        byte[] k = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(key).array();
        if (LibBpf.bpf_map_lookup_elem(fd, k, value) != 0) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        long sum = 0;
        for (int cpu = 0; cpu < cpus; cpu++) {
            sum += b.getLong(cpu * stride);
        }
        return sum;
    }

    /** sizeof(struct fl_stream_counter), from the BTF of the mode's object on the classpath. */
    private static int counterSize(Path modeDir) {
        String object = RecordMode.SCHEDULER.label().equals(modeDir.getFileName().toString()) ? Gamer.OBJECT : "observe";
        try (BpfObject o = BpfObject.openResource(object)) {
            StructLayout counter = o.btf().struct("fl_stream_counter");
            if (counter.member("written").offset() != 0) {
                throw new IllegalStateException("fl_stream_counter.written is not its first member");
            }
            return counter.size();
        }
    }
}
