package dev.frameloop.collector.bpf;

import dev.frameloop.collector.jna.Errno;

/** What an errno from loading or attaching BPF usually means, and what to do about it. */
public final class BpfErrorHints {
    private BpfErrorHints() {
    }

    /** A one-line hint for errno (sign ignored), or null when there is no useful general advice. */
    public static String hint(int errno) {
        switch (Math.abs(errno)) {
            case Errno.EPERM:
                return "not permitted: run as root (or with CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN);"
                        + " a kernel that cannot attach this program type (fentry/LSM without ftrace or BPF LSM) answers the same";
            case Errno.EACCES:
                return "the verifier rejected a program; its log says why";
            case Errno.EINVAL:
                return "the kernel rejected the object or an argument; the log says which";
            case Errno.ENOENT:
            case Errno.ESRCH:
                return "something the program needs or attaches to does not exist in this kernel";
            case Errno.EOPNOTSUPP:
            case Errno.ENOTSUPP:
                return "this kernel does not support it";
            case Errno.E2BIG:
                return "too large for this kernel (program or map size)";
            case Errno.ENOMEM:
                return "out of memory, or the locked-memory limit (ulimit -l) is too low";
            case Errno.EBUSY:
            case Errno.EEXIST:
                return "already in use: another scheduler or program holds it";
            default:
                return null;
        }
    }
}
