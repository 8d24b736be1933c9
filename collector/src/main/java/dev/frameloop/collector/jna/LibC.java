package dev.frameloop.collector.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

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
}
