package dev.frameloop.collector.bpf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this process may do with BPF, from {@code /proc/self/status}: the effective uid and the
 * effective capability set. Parsing is pure ({@link #parse}); only {@link #ofThisProcess()} reads the file.
 *
 * @param euid          effective user id
 * @param effectiveCaps the {@code CapEff} bit set
 */
public record BpfPrivileges(int euid, long effectiveCaps) {
    public static final int CAP_SYS_ADMIN = 21;
    public static final int CAP_PERFMON = 38;
    public static final int CAP_BPF = 39;

    public static BpfPrivileges ofThisProcess() {
        Path status = Path.of("/proc/self/status");
        try {
            return parse(Files.readString(status));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + status, e);
        }
    }

    /**
     * Parses the text of a {@code /proc/<pid>/status} file: the second number of {@code Uid:} (real,
     * effective, saved, fs) and the hex {@code CapEff:}.
     */
    public static BpfPrivileges parse(String statusText) {
        Integer euid = null;
        Long caps = null;
        for (String line : statusText.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).trim().split("\\s+");
                if (ids.length < 2) {
                    throw new IllegalArgumentException("malformed Uid line in status: '" + line + "'");
                }
                euid = Integer.parseInt(ids[1]);
            } else if (line.startsWith("CapEff:")) {
                caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        if (euid == null || caps == null) {
            throw new IllegalArgumentException("status text has no " + (euid == null ? "Uid" : "CapEff") + " line");
        }
        return new BpfPrivileges(euid, caps);
    }

    public boolean isRoot() {
        return euid == 0;
    }

    public boolean has(int capability) {
        if (capability < 0 || capability > 63) {
            throw new IllegalArgumentException("capability number must be 0..63, was " + capability);
        }
        return (effectiveCaps >>> capability & 1L) != 0;
    }

    /** Enough to load and attach a sched_ext scheduler: CAP_BPF and CAP_SYS_ADMIN (struct_ops needs both). */
    public boolean canRunScheduler() {
        return has(CAP_SYS_ADMIN) && has(CAP_BPF);
    }

    /** Enough to load tracing programs (tp_btf, fentry, uprobes): CAP_BPF and CAP_PERFMON, or CAP_SYS_ADMIN. */
    public boolean canTrace() {
        return has(CAP_SYS_ADMIN) || (has(CAP_BPF) && has(CAP_PERFMON));
    }
}
