package dev.frameloop.collector.probe;

import java.util.Objects;

/**
 * One program of a probe chain: its C name in the object, how it hooks the kernel, and the hook
 * target ("sched_process_exec", "input_event", "sched/sched_process_exec").
 *
 * @param name   the program's C function name
 * @param kind   how it hooks the kernel
 * @param target what it hooks: an LSM hook, a kernel function or a tracepoint (category/name for classic ones)
 */
public record ProbeProgram(String name, ProgramKind kind, String target) {
    public ProbeProgram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    /** The source name reports and manifests show: "lsm:bprm_committed_creds", "tracepoint:sched/sched_process_exec". */
    public String source() {
        return kind.label() + ":" + target;
    }
}
