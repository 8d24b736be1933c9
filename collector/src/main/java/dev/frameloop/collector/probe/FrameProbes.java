package dev.frameloop.collector.probe;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfMap;
import dev.frameloop.collector.bpf.BpfProgram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frame probe's uprobes (probes/frame.bpf.h): {@code fl_frame_exit} and then {@code fl_frame_enter} on every
 * {@link FrameHook} in every file that holds it, each file once (by device and inode: a uprobe is on the file,
 * whatever path or process maps it). Attached with pid -1, so a process started later is seen from its first frame;
 * the BPF side counts only games.
 *
 * <p>Where: the system's copies of each hooked library (the library directories), the paths given with
 * {@code --frame-hook}, and every other copy a game maps (a Steam runtime's, a game's bundled one): the games
 * (game_pids) are re-scanned every {@link #RESCAN} from /proc/PID/maps, which also catches a game that execs after
 * start and libraries loaded late (dlopen). A hook whose library or symbol is missing is reported unavailable;
 * the others work.
 */
public final class FrameProbes implements AutoCloseable {
    /** How often the games' maps are read again. */
    public static final Duration RESCAN = Duration.ofMillis(500);
    /** Where the dynamic linker finds system libraries on Debian/Ubuntu (multiarch) and elsewhere. */
    static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib64"), Path.of("/lib64"), Path.of("/usr/lib"), Path.of("/lib"));

    private final BpfProgram enter;
    private final BpfProgram exit;
    private final BpfMap gamePids;
    private final List<FrameHook> hooks;
    private final Set<List<Object>> tried = new HashSet<>();             // (file key, function)
    private final Map<FrameHook, List<String>> attached = new LinkedHashMap<>();
    private final Map<FrameHook, String> failed = new LinkedHashMap<>();
    private final Thread watcher;
    private volatile boolean running = true;
    private String watchError;

    private FrameProbes(BpfProgram enter, BpfProgram exit, BpfMap gamePids, List<FrameHook> hooks) {
        this.enter = enter;
        this.exit = exit;
        this.gamePids = gamePids;
        this.hooks = List.copyOf(hooks);
        for (FrameHook hook : this.hooks) {
            attached.put(hook, new ArrayList<>());
        }
        this.watcher = new Thread(this::watch, "frame-probes");
        watcher.setDaemon(true);
    }

    /** Attaches to the system libraries, the given paths and what the current games map; then watches the games. */
    static FrameProbes start(BpfProgram enter, BpfProgram exit, BpfMap gamePids, List<FrameHook> hooks) {
        FrameProbes probes = new FrameProbes(enter, exit, gamePids, hooks);
        probes.attachFixed();
        probes.scanGames();
        probes.watcher.start();
        return probes;
    }

    private synchronized void attachFixed() {
        for (FrameHook hook : hooks) {
            if (!hook.isLibraryName()) {
                Path file = Path.of(hook.file());
                if (Files.isRegularFile(file)) {
                    attach(hook, file);
                } else {
                    failed.put(hook, "no file " + hook.file());
                }
                continue;
            }
            boolean found = false;
            for (Path dir : LIBRARY_DIRS) {
                Path file = dir.resolve(hook.file());
                if (Files.isRegularFile(file)) {
                    found = true;
                    attach(hook, file);
                }
            }
            if (!found) {
                failed.put(hook, "no " + hook.file() + " in " + LIBRARY_DIRS.get(0) + " or the other library directories,"
                        + " nor (yet) in a game's maps");
            }
        }
    }

    /** Reads every game's /proc/PID/maps and attaches to hooked libraries not seen before. */
    synchronized void scanGames() {
        for (byte[] key : gamePids.keys()) {
            scan(ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN).getInt());
        }
    }

    private void scan(int pid) {
        String maps;
        try {
            maps = Files.readString(Path.of("/proc", Integer.toString(pid), "maps"));
        } catch (NoSuchFileException e) {
            return; // exited
        } catch (IOException e) {
            watchError = "reading /proc/" + pid + "/maps: " + e.getMessage();
            return;
        }
        for (String mapped : ProcMaps.mappedFiles(maps)) {
            String name = mapped.substring(mapped.lastIndexOf('/') + 1);
            for (FrameHook hook : hooks) {
                if (hook.isLibraryName() && (name.equals(hook.file()) || name.startsWith(hook.file() + "."))) {
                    // through the process's root: the path is in its mount namespace (a container's runtime)
                    attach(hook, Path.of("/proc", Integer.toString(pid), "root" + mapped));
                }
            }
        }
    }

    private void attach(FrameHook hook, Path file) {
        Object fileKey;
        try {
            fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            failed.putIfAbsent(hook, file + ": " + e.getMessage());
            return;
        }
        if (!tried.add(List.of(fileKey == null ? file.toString() : fileKey, hook.function()))) {
            return;
        }
        try {
            // the return probe first: a call that starts before its entry probe exists is then never half-counted
            exit.attachUprobe(-1, file.toString(), hook.function(), true, hook.cookie());
            enter.attachUprobe(-1, file.toString(), hook.function(), false, hook.cookie());
            attached.get(hook).add(file.toString());
            failed.remove(hook);
        } catch (BpfException e) {
            if (attached.get(hook).isEmpty()) {
                failed.put(hook, file + ": " + ProbeSet.why(e));
            }
        }
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(RESCAN.toMillis());
                scanGames();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                synchronized (this) {
                    watchError = "scanning the games' maps: " + e;
                }
            }
        }
    }

    /** Files each hook is attached to (empty: unavailable, see {@link #source()}). */
    public synchronized Map<FrameHook, List<String>> attached() {
        Map<FrameHook, List<String>> copy = new LinkedHashMap<>();
        attached.forEach((hook, files) -> copy.put(hook, List.copyOf(files)));
        return copy;
    }

    /**
     * "uprobe:glXSwapBuffers@libGL.so.1, uprobe:xcb_put_image@libxcb.so.1 (no uprobe:xcb_present_pixmap@libxcb-present.so.0:
     * why)", or "unavailable: …" when no hook is attached.
     */
    public synchronized String source() {
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (FrameHook hook : hooks) {
            if (attached.get(hook).isEmpty()) {
                off.add(hook.label() + ": " + failed.getOrDefault(hook, "not found"));
            } else if (!on.contains(hook.label())) {
                on.add(hook.label());
            }
        }
        if (watchError != null) {
            off.add("game maps: " + watchError);
        }
        if (on.isEmpty()) {
            return "unavailable: " + String.join("; ", off);
        }
        return String.join(", ", on) + (off.isEmpty() ? "" : " (no " + String.join("; no ", off) + ")");
    }

    /** Stops watching the games (the links belong to the object and close with it). */
    @Override
    public void close() {
        running = false;
        watcher.interrupt();
        try {
            watcher.join(RESCAN.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
