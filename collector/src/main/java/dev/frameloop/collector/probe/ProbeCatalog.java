package dev.frameloop.collector.probe;

import dev.frameloop.core.event.EventType;

import java.util.ArrayList;
import java.util.List;

/**
 * The probe chains of bpf/include/frameloop/probes/*.bpf.h, by mode: program names and hooks exactly as
 * the headers declare them.
 */
public final class ProbeCatalog {
    /** probes/process.bpf.h: exec. */
    public static final ProbeChain EXEC = new ProbeChain("exec", EventType.PROCESS, List.of(
            new ProbeProgram("fl_exec_lsm", ProgramKind.LSM, "bprm_committed_creds"),
            new ProbeProgram("fl_exec_btf", ProgramKind.TP_BTF, "sched_process_exec"),
            new ProbeProgram("fl_exec_tp", ProgramKind.TRACEPOINT, "sched/sched_process_exec")));
    /** probes/process.bpf.h: process exit. */
    public static final ProbeChain EXIT = new ProbeChain("exit", EventType.PROCESS, List.of(
            new ProbeProgram("fl_exit_lsm", ProgramKind.LSM, "task_free"),
            new ProbeProgram("fl_exit_btf", ProgramKind.TP_BTF, "sched_process_exit"),
            new ProbeProgram("fl_exit_tp", ProgramKind.TRACEPOINT, "sched/sched_process_exit")));

    private ProbeCatalog() {
    }

    /** The chains a mode loads. */
    public static List<ProbeChain> chains(ProbeMode mode) {
        List<ProbeChain> chains = new ArrayList<>(List.of(EXEC, EXIT));
        return List.copyOf(chains);
    }

    /** Event types the probes produce in this mode (the scheduler's own streams are not probes). */
    public static List<EventType> probedTypes(ProbeMode mode) {
        return chains(mode).stream().map(ProbeChain::type).distinct().toList();
    }
}
