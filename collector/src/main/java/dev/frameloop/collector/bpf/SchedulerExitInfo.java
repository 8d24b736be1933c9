package dev.frameloop.collector.bpf;

import java.util.Optional;

/**
 * What a sched_ext scheduler's {@code ops.exit} saw, as the BPF side recorded it from
 * {@code struct scx_exit_info}.
 *
 * @param kindCode the raw {@code enum scx_exit_kind} value (kept for kinds newer than {@link ExitKind})
 * @param exitCode {@code scx_exit_info.exit_code} (set by the BPF program on UNREG_BPF, else 0)
 * @param exitCpu  the CPU that triggered the exit, or -1
 * @param reason   the kernel's reason, e.g. "runnable task stall"
 * @param message  the detailed message, e.g. which task stalled ("" when none)
 */
public record SchedulerExitInfo(long kindCode, long exitCode, int exitCpu, String reason, String message) {

    public SchedulerExitInfo {
        if (reason == null || message == null) {
            throw new IllegalArgumentException("reason and message must not be null (use \"\")");
        }
    }

    public Optional<ExitKind> kind() {
        return ExitKind.ofCode(kindCode);
    }

    /** "ERROR_STALL", or "UNKNOWN(1234)" for a kind this version does not know. */
    public String kindName() {
        return kind().map(Enum::name).orElse("UNKNOWN(" + kindCode + ")");
    }

    public boolean isError() {
        return kindCode >= ExitKind.FIRST_ERROR_CODE;
    }

    /** "ERROR_STALL: runnable task stall (kworker/0:1[42] failed to run for 30.1s)". */
    public String describe() {
        StringBuilder s = new StringBuilder(kindName()).append(": ")
                .append(reason.isEmpty() ? kind().map(ExitKind::meaning).orElse("no reason given") : reason);
        if (!message.isEmpty()) {
            s.append(" (").append(message).append(')');
        }
        return s.toString();
    }
}
