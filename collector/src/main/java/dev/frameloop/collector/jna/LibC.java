package dev.frameloop.collector.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

import java.nio.Buffer;

/**
 * Direct-mapped binding to the C library: what the BPF layer needs besides libbpf.
 * Loaded lazily like {@link LibBpf}: check {@link #isAvailable()} before calling.
 *
 * <p>Return conventions are glibc's: -1 and errno on failure unless a method says otherwise;
 * read errno with {@link Native#getLastError()} right after the call.
 */
public final class LibC {
    /** {@code RLIMIT_MEMLOCK} on Linux. */
    public static final int RLIMIT_MEMLOCK = 8;
    /** {@code RLIM_INFINITY}: all bits set in the unsigned {@code rlim_t}. */
    public static final long RLIM_INFINITY = -1L;

    /** {@code mmap} protections and flags. */
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x01;
    /** {@code open} flags. */
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
    /** {@code epoll_create1} flag. */
    public static final int EPOLL_CLOEXEC = 0x80000;
    /** {@code epoll_ctl} operations. */
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    /** {@code epoll_event.events} bits (level-triggered unless EPOLLET is added). */
    public static final int EPOLLIN = 0x001;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    /**
     * {@code sizeof(struct epoll_event)} on x86-64, where it is packed: {@code __u32 events} at 0,
     * {@code __u64 data} at 4.
     */
    public static final int EPOLL_EVENT_SIZE = 12;
    /** {@code eventfd} flags. */
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;
    /** {@code sysconf} name of the page size. */
    public static final int _SC_PAGESIZE = 30;
    /** {@code clockid_t} of {@code CLOCK_MONOTONIC}, the clock of {@code bpf_ktime_get_ns()}. */
    public static final int CLOCK_MONOTONIC = 1;
    /** {@code EINTR}: a blocking call was interrupted by a signal. */
    public static final int EINTR = 4;
    /** {@code EAGAIN}: nothing to read from a non-blocking fd. */
    public static final int EAGAIN = 11;

    private LibC() {
    }

    public static boolean isAvailable() {
        return Loader.FAILURE == null;
    }

    public static void requireAvailable() {
        if (Loader.FAILURE != null) {
            throw new IllegalStateException("the C library could not be loaded: " + Loader.FAILURE.getMessage());
        }
    }

    private static final class Loader {
        static final Throwable FAILURE = register();

        private static Throwable register() {
            try {
                Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
                return null;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return e;
            }
        }
    }

    /** {@code struct rlimit}: two {@code rlim_t} (unsigned 64-bit); {@link #RLIM_INFINITY} means no limit. */
    @Structure.FieldOrder({"rlim_cur", "rlim_max"})
    public static final class Rlimit extends Structure {
        public long rlim_cur;
        public long rlim_max;
    }

    /** {@code uid_t geteuid(void)}: never fails. */
    public static native int geteuid();

    /** {@code pid_t getpid(void)}: never fails. */
    public static native int getpid();

    /** {@code int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const void *data)}: 0, or -1 with errno. */
    public static native int mount(String source, String target, String fstype, long flags, Pointer data);

    /** {@code int getrlimit(int resource, struct rlimit *rlim)}: 0, or -1 with errno. */
    public static native int getrlimit(int resource, Rlimit rlim);

    /** {@code int setrlimit(int resource, const struct rlimit *rlim)}: 0, or -1 with errno (EPERM raising the hard limit unprivileged). */
    public static native int setrlimit(int resource, Rlimit rlim);

    /** {@code char *strerror(int errnum)}: a message, "Unknown error N" for unknown numbers; never NULL. */
    public static native String strerror(int errnum);

    /** {@code int close(int fd)}: 0, or -1 with errno. */
    public static native int close(int fd);

    /**
     * {@code int vasprintf(char **strp, const char *fmt, va_list ap)}: formats into a malloc'ed string stored
     * in *strp (free it with {@link #free}); returns its length, or -1 (then *strp is undefined).
     * Consumes ap: call it once per va_list.
     */
    public static native int vasprintf(PointerByReference strp, Pointer format, Pointer args);

    /** {@code void free(void *ptr)}. */
    public static native void free(Pointer ptr);

    /**
     * {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}: the mapping's
     * address, or {@code MAP_FAILED} ({@code (void *) -1}, see {@link #isMapFailed}) with errno.
     */
    public static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    /** Whether an {@link #mmap} result is {@code MAP_FAILED}. */
    public static boolean isMapFailed(Pointer address) {
        return address == null || Pointer.nativeValue(address) == -1L;
    }

    /** {@code int munmap(void *addr, size_t length)}: 0, or -1 with errno. */
    public static native int munmap(Pointer addr, long length);

    /** {@code long sysconf(int name)}: the value, or -1 (errno set if the name is invalid). */
    public static native long sysconf(int name);

    /** {@code int epoll_create1(int flags)}: an epoll fd, or -1 with errno. */
    public static native int epoll_create1(int flags);

    /**
     * {@code int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)}: 0, or -1 with errno.
     * {@code event} is a direct buffer holding one packed {@code struct epoll_event} ({@link #EPOLL_EVENT_SIZE} bytes).
     */
    public static native int epoll_ctl(int epfd, int op, int fd, Buffer event);

    /**
     * {@code int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)}: ready fds
     * written to {@code events} (a direct buffer of maxevents packed events), 0 on timeout, or -1 with errno
     * (EINTR when a signal interrupted the wait). timeout in ms, -1 = forever.
     */
    public static native int epoll_wait(int epfd, Buffer events, int maxevents, int timeout);

    /** {@code int eventfd(unsigned int initval, int flags)}: the fd, or -1 with errno. */
    public static native int eventfd(int initval, int flags);

    /** {@code int open(const char *path, int flags)}: the fd, or -1 with errno. */
    public static native int open(String path, int flags);

    /** {@code int ioctl(int fd, unsigned long request, void *arg)}: request's result (0 or more), or -1 with errno. */
    public static native int ioctl(int fd, long request, Buffer arg);

    /** {@code int ioctl(int fd, unsigned long request, unsigned long arg)}: an ioctl whose argument is a value. */
    public static native int ioctl(int fd, long request, long arg);

    /** {@code ssize_t read(int fd, void *buf, size_t count)}: bytes read, or -1 with errno (EAGAIN: nothing to read, non-blocking fd). */
    public static native long read(int fd, Buffer buf, long count);

    /** {@code ssize_t write(int fd, const void *buf, size_t count)}: bytes written, or -1 with errno. */
    public static native long write(int fd, Buffer buf, long count);

    /** {@code int clock_gettime(clockid_t clk, struct timespec *tp)}: 0, or -1 with errno; tp is two longs (tv_sec, tv_nsec). */
    public static native int clock_gettime(int clock, long[] timespec);

    /**
     * {@code int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask)}: 0, or -1 with errno.
     * pid 0 is the calling thread; mask is a bit set of CPUs, 64 per long.
     */
    public static native int sched_setaffinity(int pid, long cpusetsize, long[] mask);

    /** {@code int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask)}: 0, or -1 with errno (raw syscall returns the size; glibc returns 0). */
    public static native int sched_getaffinity(int pid, long cpusetsize, long[] mask);

    /** {@code prctl} option: set the calling thread's timer slack, in ns (arg2; 0 = back to the default). */
    public static final int PR_SET_TIMERSLACK = 29;

    /** {@code int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)}: >= 0, or -1 with errno. */
    public static native int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    /** {@code setpriority} which: a process, or on Linux a single thread by its tid. */
    public static final int PRIO_PROCESS = 0;

    /** {@code int setpriority(int which, id_t who, int prio)}: 0, or -1 with errno (on Linux, PRIO_PROCESS + a tid sets that thread's nice). */
    public static native int setpriority(int which, int who, int prio);

    /** {@code int sched_getcpu(void)}: the CPU the calling thread runs on, or -1 with errno. */
    public static native int sched_getcpu();

    /** Scheduling policies of {@code sched_setscheduler}. */
    public static final int SCHED_OTHER = 0;
    public static final int SCHED_FIFO = 1;

    /**
     * {@code int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)}: 0, or -1 with
     * errno (EPERM without CAP_SYS_NICE). pid 0 is the calling thread; param is {@code int sched_priority}
     * (1..99 for SCHED_FIFO, 0 for SCHED_OTHER).
     */
    public static native int sched_setscheduler(int pid, int policy, int[] param);
}
