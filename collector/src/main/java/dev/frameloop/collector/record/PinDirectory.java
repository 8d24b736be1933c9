package dev.frameloop.collector.record;

import com.sun.jna.Native;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfLink;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.ring.KernelRing;
import dev.frameloop.collector.ring.RingStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code record --pin} leaves in bpffs so that a restarted {@code record --resume} reads on where
 * the killed one stopped: {@code /sys/fs/bpf/frameloop/} (mode 0700) holding one folder per mode,
 * {@code <mode>/}, with
 * <pre>
 *   ring-&lt;map&gt;-&lt;shard&gt;-&lt;bytes&gt;      every ring map (its consumer_pos page lives in the map: a new
 *                                   reader continues from it)
 *   drops, streams                  fl_ring_drops and fl_stream_events (the object's counters)
 *   link-&lt;n&gt;                         every link (probes, and the scheduler's struct_ops link): the
 *                                   programs stay attached, the scheduler registered
 * </pre>
 * {@code sched --pin} uses a folder {@code sched/} instead, holding the scheduler's struct_ops link
 * ({@code link-0}) and its {@code boost_policy} and {@code boost_policy_ctl} maps.
 * (bpffs refuses names with dots.) Removing a link's pin (with no fd left) detaches it; {@code frameloop unpin} removes everything.
 */
public final class PinDirectory {
    /** Where pins go. */
    public static final Path DEFAULT_ROOT = Path.of("/sys/fs/bpf/frameloop");
    static final String DROPS = "drops";
    static final String STREAMS = "streams";
    private static final Pattern RING = Pattern.compile("ring-(fl_rbs?_[a-z_]+)-(\\d+)-(\\d+)");

    private final Path root;

    public PinDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The mode folder holding pins, if any ({@code scheduler} or {@code observe}). */
    public Optional<Path> pinned() {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> modes = Files.list(root)) {
            return modes.filter(Files::isDirectory).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + root, e);
        }
    }

    /**
     * Pins the rings, the counters and every link of {@code object} under {@code <root>/<mode>/}.
     *
     * @throws IllegalStateException if pins exist already (unpin them, or --resume)
     */
    void pin(String mode, List<KernelRing> rings, BpfObject object) {
        Path dir = createModeDir(mode);
        for (KernelRing ring : rings) {
            String map = ring.name().replaceAll("\\[\\d+]$", "");
            pin(ring.mapped().fd(), dir.resolve("ring-" + map + "-" + ring.shard() + "-" + ring.mapped().regions().size()));
        }
        pin(object.map("fl_ring_drops").fd(), dir.resolve(DROPS));
        object.findMap("fl_stream_events").ifPresent(m -> pin(m.fd(), dir.resolve(STREAMS)));
        int n = 0;
        for (BpfLink link : object.links()) {
            if (link.isOpen()) {
                pin(link.fd(), dir.resolve("link-" + n++));
            }
        }
    }

    /**
     * Pins {@code fds} (pin name to fd) under {@code <root>/<folder>/}, e.g. what keeps a scheduler registered and
     * its maps readable when its process dies; returns the folder.
     *
     * @throws IllegalStateException if pins exist already (unpin them first)
     */
    public Path pin(String folder, java.util.Map<String, Integer> fds) {
        Path dir = createModeDir(folder);
        fds.forEach((name, fd) -> pin(fd, dir.resolve(name)));
        return dir;
    }

    private Path createModeDir(String mode) {
        if (pinned().isPresent()) {
            throw new IllegalStateException("pins exist in " + pinned().get());
        }
        Path dir = root.resolve(mode);
        BpfFs.ensureMountedFor(root);
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + dir + " (is bpffs mounted on /sys/fs/bpf?)", e);
        }
        return dir;
    }

    /** A pinned ring, as its pin name says: the ring map's name, shard and size. */
    record PinnedRing(Path path, String map, RingStream stream, int shard, int bytes) {
        /** {@code fl_rb_process}, or {@code fl_rbs_input[3]} for a shard of a ring set. */
        String name() {
            return map.startsWith(RingStream.SET_PREFIX) ? map + "[" + shard + "]" : map;
        }
    }

    /** The rings pinned in a mode folder. */
    static List<PinnedRing> rings(Path modeDir) {
        List<PinnedRing> rings = new ArrayList<>();
        try (Stream<Path> files = Files.list(modeDir)) {
            for (Path p : files.sorted().toList()) {
                Matcher m = RING.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                String map = m.group(1);
                RingStream stream = RingStream.ofSingleRing(map).or(() -> RingStream.ofRingSet(map))
                        .orElseThrow(() -> new IllegalStateException(p + ": no such ring stream in this build"));
                rings.add(new PinnedRing(p, map, stream, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + modeDir, e);
        }
        return rings;
    }

    /** The links pinned in a mode folder. */
    static List<Path> links(Path modeDir) {
        try (Stream<Path> files = Files.list(modeDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("link-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + modeDir, e);
        }
    }

    /** A new fd of a pinned object (the caller closes it). */
    public static int open(Path pin) {
        int fd = LibBpf.bpf_obj_get(pin.toString());
        if (fd < 0) {
            throw new BpfException("opening pinned " + pin, fd == -1 ? -Native.getLastError() : fd, "");
        }
        return fd;
    }

    /** Removes every pin (detaching what no fd holds any more) and the folders. Returns the pins removed. */
    public int unpinAll() {
        if (!Files.exists(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isDirectory(p)) {
                    removed++;
                }
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + root, e);
        }
        return removed;
    }

    private static void pin(int fd, Path path) {
        int rc = LibBpf.bpf_obj_pin(fd, path.toString());
        if (rc < 0) {
            throw new BpfException("pinning " + path, rc == -1 ? -Native.getLastError() : rc, "");
        }
    }
}
