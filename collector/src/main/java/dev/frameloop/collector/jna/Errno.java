package dev.frameloop.collector.jna;

import java.util.Map;

/** Linux errno numbers as names and messages ("EPERM (Operation not permitted)"). */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int E2BIG = 7;
    public static final int EBADF = 9;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int ERANGE = 34;
    public static final int ENOSYS = 38;
    public static final int ELOOP = 40;
    public static final int EOPNOTSUPP = 95;
    /** Kernel-internal "operation not supported" (ENOTSUPP) that leaks out of the bpf syscall; glibc has no message for it. */
    public static final int ENOTSUPP = 524;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(ESRCH, "ESRCH"),
            Map.entry(E2BIG, "E2BIG"), Map.entry(EBADF, "EBADF"), Map.entry(ENOMEM, "ENOMEM"),
            Map.entry(EACCES, "EACCES"), Map.entry(EFAULT, "EFAULT"), Map.entry(EBUSY, "EBUSY"),
            Map.entry(EEXIST, "EEXIST"), Map.entry(ENODEV, "ENODEV"), Map.entry(EINVAL, "EINVAL"),
            Map.entry(ENOSPC, "ENOSPC"), Map.entry(ERANGE, "ERANGE"), Map.entry(ENOSYS, "ENOSYS"),
            Map.entry(ELOOP, "ELOOP"), Map.entry(EOPNOTSUPP, "EOPNOTSUPP"), Map.entry(ENOTSUPP, "ENOTSUPP"));

    private Errno() {
    }

    /** "EPERM" for 1 (sign ignored: libbpf returns -errno), "errno 1234" for numbers without a name here. */
    public static String name(int errno) {
        int e = Math.abs(errno);
        return NAMES.getOrDefault(e, "errno " + e);
    }

    /** "EPERM (Operation not permitted)": the name and the C library's message. */
    public static String describe(int errno) {
        int e = Math.abs(errno);
        String message = e == ENOTSUPP ? "Operation not supported by the kernel"
                : LibC.isAvailable() ? LibC.strerror(e) : null;
        return message == null ? name(e) : name(e) + " (" + message + ")";
    }
}
