package dev.frameloop.collector.probe;

import dev.frameloop.core.event.EventType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** probes/input.bpf.h: input_event() (with its fexit, which ends the input path on the CPU). */
    public static final ProbeChain INPUT = new ProbeChain("input", EventType.INPUT, List.of(
            new ProbeProgram("fl_input_fentry", ProgramKind.FENTRY, "input_event")),
            List.of(List.of(new ProbeProgram("fl_input_fexit", ProgramKind.FENTRY, "input_event"))));
    /** probes/gpu.bpf.h: DRM submit ioctls. */
    public static final ProbeChain GPU_SUBMIT = new ProbeChain("gpu_submit", EventType.GPU_SUBMIT, List.of(
            new ProbeProgram("fl_gpu_fentry", ProgramKind.FENTRY, "drm_ioctl"),
            new ProbeProgram("fl_gpu_sys_tp", ProgramKind.TRACEPOINT, "syscalls/sys_enter_ioctl"),
            new ProbeProgram("fl_gpu_sys_btf", ProgramKind.TP_BTF, "sys_enter")));
    /** probes/migration.bpf.h: observe mode only (the scheduler reports its own migrations, with reasons). */
    public static final ProbeChain MIGRATION = new ProbeChain("migration", EventType.MIGRATION, List.of(
            new ProbeProgram("fl_migrate_btf", ProgramKind.TP_BTF, "sched_migrate_task")));

    /**
     * probes/frame.bpf.h: entry and return uprobes, loaded here and attached by {@link FrameProbes} to every present
     * function of {@link ProbeOptions#frameHooks()}.
     */
    public static final ProbeChain FRAME = new ProbeChain("frame", EventType.FRAME_TIMING, List.of(
            new ProbeProgram("fl_frame_enter", ProgramKind.UPROBE, "present functions")),
            List.of(List.of(new ProbeProgram("fl_frame_exit", ProgramKind.UPROBE, "present functions"))));

    /**
     * Event types whose probes and producers exist only to write their stream, so a session that does not record
     * them loads none of their programs and turns their stream off in the BPF object (fl_streams_off). The other
     * probes also feed the classifier and game detection (game_pids, fl_threads), and run whatever is recorded.
     */
    public static final Set<EventType> OFF_WHEN_NOT_RECORDED = Set.of(EventType.MIGRATION);

    private static final List<ProbeChain> ALL = List.of(EXEC, EXIT, INPUT, GPU_SUBMIT, MIGRATION, FRAME);

    private ProbeCatalog() {
    }

    /** The chains a mode loads. */
    public static List<ProbeChain> chains(ProbeMode mode) {
        List<ProbeChain> chains = new ArrayList<>(List.of(EXEC, EXIT, INPUT, GPU_SUBMIT, FRAME));
        if (mode == ProbeMode.OBSERVE) {
            chains.add(MIGRATION);
        }
        return List.copyOf(chains);
    }

    /**
     * The chains a mode loads without attaching, to attach if the scheduler goes away: in scheduler mode the
     * migration probe, which takes over the migration stream when the kernel ejects gamer.
     */
    public static List<ProbeChain> standby(ProbeMode mode) {
        return mode == ProbeMode.SCHEDULER ? List.of(MIGRATION) : List.of();
    }

    /** Every chain of the probe headers (each object has all their programs; a mode attaches some). */
    public static List<ProbeChain> all() {
        return ALL;
    }

    /** Event types the probes produce in this mode (the scheduler's own streams are not probes). */
    public static List<EventType> probedTypes(ProbeMode mode) {
        return chains(mode).stream().map(ProbeChain::type).distinct().toList();
    }
}
