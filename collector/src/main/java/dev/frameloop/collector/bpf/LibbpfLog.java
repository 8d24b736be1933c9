package dev.frameloop.collector.bpf;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.jna.LibC;

import java.util.Locale;

/**
 * Routes libbpf's messages (warnings, verifier logs) into Java.
 *
 * <p>libbpf calls its print function on the thread that called into it, so a {@link Capture}
 * opened on a thread receives exactly the messages of the libbpf calls that thread makes while
 * the capture is open: a failed load can put its own verifier log into its exception.
 * Warnings and info are captured; debug (relocation traces) only goes to the echo.
 *
 * <p>Set {@code FRAMELOOP_LIBBPF_LOG=warn|info|debug} to also echo messages up to that level to stderr.
 */
public final class LibbpfLog {
    /** A capture keeps at most this many characters, dropping the oldest (the end of a verifier log is the part that matters). */
    static final int MAX_CAPTURE_CHARS = 256 * 1024;

    private static final ThreadLocal<Capture> CURRENT = new ThreadLocal<>();
    private static final int ECHO_LEVEL = echoLevel(System.getenv("FRAMELOOP_LIBBPF_LOG"));
    /** Strongly reachable for as long as libbpf may call it. */
    private static final LibBpf.PrintFn CALLBACK = LibbpfLog::print;
    private static boolean installed;

    private LibbpfLog() {
    }

    /** Installs the print callback (once per JVM). libbpf must be available. */
    static synchronized void install() {
        if (!installed) {
            LibC.requireAvailable();
            LibBpf.libbpf_set_print(CALLBACK);
            installed = true;
        }
    }

    /** Starts capturing this thread's libbpf messages until the capture is closed. */
    public static Capture capture() {
        install();
        Capture capture = new Capture(CURRENT.get());
        CURRENT.set(capture);
        return capture;
    }

    private static int print(int level, Pointer format, Pointer args) {
        try {
            String text = format(format, args);
            Capture capture = CURRENT.get();
            if (capture != null && level <= LibBpf.LIBBPF_INFO) {
                capture.append(text);
            }
            if (level <= ECHO_LEVEL) {
                System.err.print(text);
            }
        } catch (RuntimeException | Error e) {
            // never unwind into libbpf; say so instead
            System.err.println("frameloop: could not format a libbpf message: " + e);
        }
        return 0;
    }

    private static String format(Pointer format, Pointer args) {
        PointerByReference out = new PointerByReference();
        int length = LibC.vasprintf(out, format, args);
        if (length < 0) {
            return "(unformattable libbpf message: " + format.getString(0) + ")\n";
        }
        Pointer text = out.getValue();
        try {
            return text.getString(0);
        } finally {
            LibC.free(text);
        }
    }

    static int echoLevel(String setting) {
        if (setting == null) {
            return -1;
        }
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "warn": return LibBpf.LIBBPF_WARN;
            case "info": return LibBpf.LIBBPF_INFO;
            case "debug": return LibBpf.LIBBPF_DEBUG;
            default: return -1;
        }
    }

    /** The messages libbpf printed on one thread while open. Close it on the thread that opened it. */
    public static final class Capture implements AutoCloseable {
        private final Capture previous;
        private final StringBuilder text = new StringBuilder();

        private Capture(Capture previous) {
            this.previous = previous;
        }

        void append(String message) {
            text.append(message);
            if (text.length() > MAX_CAPTURE_CHARS) {
                text.delete(0, text.length() - MAX_CAPTURE_CHARS);
            }
            if (previous != null) {
                previous.append(message);
            }
        }

        /** Everything captured so far (at most {@link #MAX_CAPTURE_CHARS}, the newest kept). */
        public String text() {
            return text.toString();
        }

        /** The last {@code lines} lines captured. */
        public String tail(int lines) {
            return LogTail.lastLines(text.toString(), lines);
        }

        @Override
        public void close() {
            CURRENT.set(previous);
        }
    }
}
