package dev.frameloop.collector.doctor;

import dev.frameloop.collector.bpf.BpfErrorHints;
import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.BpfProgram;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.jna.LibC;
import dev.frameloop.collector.probe.ProcMaps;
import dev.frameloop.collector.sched.SchedExtSysfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tries each {@link ProgramKind} for real: loads its test program alone (every other program's
 * autoload off, a fresh object each time), attaches it, triggers the hook and reads its hit counter.
 * The struct_ops check registers doctor_sched.bpf.o's partial-switch scheduler for a moment, and only
 * when no scheduler is in charge: the doctor never displaces one.
 */
final class ProgramProber {
    private static final String OBJECT = "doctor";
    private static final String SCHED_OBJECT = "doctor_sched";
    private static final String SCHED_OPS_MAP = "doctor_sched_ops";
    private static final String SCHED_OPS_NAME = "frameloop_doctor";
    private static final String SCHED_EXIT = "doctor_sched_exit";
    /** The libc function the uprobe check attaches to and then calls. */
    private static final String UPROBE_FUNCTION = "getpid";

    private final SchedExtSysfs sysfs;
    private final boolean privileged;

    /** privileged: this process has the capabilities BPF needs (changes what EPERM means). */
    ProgramProber(SchedExtSysfs sysfs, boolean privileged) {
        this.sysfs = sysfs;
        this.privileged = privileged;
    }

    ProgramCheck probe(ProgramKind kind) {
        if (!LibBpf.isAvailable()) {
            return ProgramCheck.loadFailed("not tried: libbpf is missing (see libbpf below)");
        }
        try {
            return kind == ProgramKind.STRUCT_OPS ? probeStructOps() : probeTracing(kind);
        } catch (BpfException e) {
            return ProgramCheck.loadFailed(describe(e));
        } catch (RuntimeException e) {
            return ProgramCheck.loadFailed("doctor could not try it: " + e);
        }
    }

    private ProgramCheck probeTracing(ProgramKind kind) {
        try (BpfObject object = BpfObject.openResource(OBJECT)) {
            for (BpfProgram p : object.programs()) {
                p.setAutoload(p.name().equals(kind.program()));
            }
            try {
                object.load();
            } catch (BpfException e) {
                return ProgramCheck.loadFailed(describe(e));
            }
            BpfProgram program = object.program(kind.program());
            String note = null;
            try {
                if (kind == ProgramKind.UPROBE) {
                    String libc = libcPath();
                    program.attachUprobe(LibC.getpid(), libc, UPROBE_FUNCTION);
                    note = "on " + libc + ":" + UPROBE_FUNCTION + " of this process";
                } else {
                    program.attach();
                }
            } catch (BpfException e) {
                return new ProgramCheck(true, false, null, describe(e), null);
            }
            trigger(kind);
            long hits = object.readGlobal(".bss", kind.hitsVariable()).asLong();
            return new ProgramCheck(true, true, hits > 0, null, note);
        }
    }

    private ProgramCheck probeStructOps() {
        try (StructOpsScheduler scheduler = openDoctorScheduler()) {
            try {
                scheduler.load();
            } catch (BpfException e) {
                return ProgramCheck.loadFailed(describe(e));
            }
            Optional<String> state = sysfs.state();
            if (!state.equals(Optional.of(SchedExtSysfs.DISABLED))) {
                return new ProgramCheck(true, null, null, null, "not registered: "
                        + sysfs.rootOps().map(o -> "scheduler '" + o + "' is in charge").orElse("sched_ext state is " + state.orElse("unknown"))
                        + ", and the doctor does not displace it");
            }
            try {
                scheduler.attach();
            } catch (BpfException e) {
                return new ProgramCheck(true, false, null, describe(e), null);
            }
            Optional<String> ops = sysfs.rootOps();
            scheduler.detach();
            boolean shown = ops.equals(Optional.of(SCHED_OPS_NAME));
            return new ProgramCheck(true, true, null, null, shown ? "registered as '" + SCHED_OPS_NAME + "' (partial switch: no task moved) and unregistered"
                    : "registered, but sched_ext showed ops " + ops.orElse("none"));
        }
    }

    private static StructOpsScheduler openDoctorScheduler() {
        BpfObject object = BpfObject.openResource(SCHED_OBJECT);
        try {
            return StructOpsScheduler.prepare(object, SCHED_OPS_MAP, SCHED_EXIT);
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    /** Makes the hook run at least once. */
    private static void trigger(ProgramKind kind) {
        try {
            switch (kind) {
                case TP_BTF:
                    for (int i = 0; i < 3; i++) {
                        Thread.sleep(5);
                    }
                    break;
                case FENTRY:
                    Files.readAllBytes(Path.of("/proc/self/stat"));
                    break;
                case LSM:
                    Process p = new ProcessBuilder("true").redirectErrorStream(true).start();
                    p.getInputStream().readAllBytes();
                    p.waitFor(10, TimeUnit.SECONDS);
                    break;
                case UPROBE:
                    LibC.getpid();
                    break;
                default:
                    throw new IllegalArgumentException("no trigger for " + kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("triggering " + kind.key(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while triggering " + kind.key(), e);
        }
    }

    private static String libcPath() {
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"));
            return ProcMaps.findLibrary(maps, "libc.so")
                    .orElseThrow(() -> new IllegalStateException("libc is not mapped in this process (/proc/self/maps)"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/self/maps", e);
        }
    }

    /**
     * The error as the doctor reports it: operation and errno, the usual cause, and libbpf's most telling
     * line. EPERM for a privileged process means the kernel refuses the program type, not missing rights.
     */
    private String describe(BpfException e) {
        String cause = e.errno() == Errno.EPERM && privileged
                ? "refused although this process has CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN: this kernel cannot attach this program type"
                : BpfErrorHints.hint(e.errno());
        return Errno.describe(e.errno()) + (cause == null ? "" : " — " + cause)
                + tellingLine(e.libbpfLog()).map(l -> " [libbpf: " + l + "]").orElse("");
    }

    /** The last line of libbpf's log that says more than "failed" (e.g. "struct sched_ext_ops is not found in kernel BTF"). */
    static Optional<String> tellingLine(String log) {
        String[] lines = log.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip().replaceFirst("^libbpf: ", "");
            if (line.isEmpty() || line.contains("failed to load object") || line.matches(".*failed to load: -\\d+$")
                    || line.contains("try raising 'ulimit -l'") || line.startsWith("-- END PROG LOAD LOG")) {
                continue;
            }
            return Optional.of(line);
        }
        return Optional.empty();
    }
}
