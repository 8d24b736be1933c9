package dev.frameloop.collector.bpf;

import dev.frameloop.collector.jna.Errno;

/**
 * A libbpf or bpf() call failed. The message names the operation, the errno with its meaning and a
 * hint at the usual cause, then what libbpf printed during the call (for a load: the verifier's log tail).
 */
public class BpfException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** How many lines of libbpf's log a message carries. */
    static final int LOG_TAIL_LINES = 40;

    private final String operation;
    private final int errno;
    private final String libbpfLog;

    /**
     * @param operation what was attempted, e.g. "loading gamer.bpf.o"
     * @param errno     positive or negative errno (libbpf returns -errno)
     * @param libbpfLog what libbpf printed during the attempt, "" if nothing
     */
    public BpfException(String operation, int errno, String libbpfLog) {
        super(message(operation, errno, libbpfLog));
        this.operation = operation;
        this.errno = Math.abs(errno);
        this.libbpfLog = libbpfLog == null ? "" : libbpfLog;
    }

    public String operation() {
        return operation;
    }

    /** The positive errno. */
    public int errno() {
        return errno;
    }

    /** Everything libbpf printed during the failed call ("" if nothing). */
    public String libbpfLog() {
        return libbpfLog;
    }

    /** The operation, errno and hint on one line, without the log: for reports with little room. */
    public String summary() {
        return operation + " failed: " + Errno.describe(errno) + hintSuffix(errno);
    }

    private static String message(String operation, int errno, String log) {
        StringBuilder m = new StringBuilder(operation).append(" failed: ").append(Errno.describe(errno))
                .append(hintSuffix(errno));
        if (log != null && !log.isBlank()) {
            m.append("\n--- libbpf log (last ").append(LOG_TAIL_LINES).append(" lines) ---\n")
                    .append(LogTail.lastLines(log, LOG_TAIL_LINES));
        }
        return m.toString();
    }

    private static String hintSuffix(int errno) {
        String hint = BpfErrorHints.hint(errno);
        return hint == null ? "" : " — " + hint;
    }
}
