package dev.frameloop.collector.bpf;

import java.util.Optional;

/**
 * {@code enum scx_exit_kind}: why a sched_ext scheduler stopped. Values from the 7.2 kernel's BTF
 * (bpf/include/vmlinux.h); codes of 1024 and above are errors.
 */
public enum ExitKind {
    NONE(0, "still running"),
    DONE(1, "finished"),
    UNREG(64, "unregistered from user space"),
    UNREG_BPF(65, "unregistered by the BPF program"),
    UNREG_KERN(66, "unregistered by the kernel"),
    SYSRQ(67, "stopped with SysRq-S"),
    PARENT(68, "its parent scheduler stopped"),
    ERROR(1024, "the kernel found an error"),
    ERROR_BPF(1025, "the BPF program reported an error"),
    ERROR_STALL(1026, "a runnable task was not scheduled in time (watchdog)");

    /** Codes from here on are errors ({@code SCX_EXIT_ERROR}). */
    public static final int FIRST_ERROR_CODE = 1024;

    private final int code;
    private final String meaning;

    ExitKind(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** A short explanation for users. */
    public String meaning() {
        return meaning;
    }

    public boolean isError() {
        return code >= FIRST_ERROR_CODE;
    }

    /** The kind with this code, if this version of frameloop knows it. */
    public static Optional<ExitKind> ofCode(long code) {
        for (ExitKind k : values()) {
            if (k.code == code) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
