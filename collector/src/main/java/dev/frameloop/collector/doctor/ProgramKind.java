package dev.frameloop.collector.doctor;

/**
 * The kinds of BPF program frameloop uses, each with the doctor's test program (bpf/src/doctor.bpf.c,
 * doctor_sched.bpf.c), what frameloop loses without it and how to get it.
 */
public enum ProgramKind {
    TP_BTF("tp_btf", "doctor_tp_btf", "tp_btf_hits",
            "scheduler-event probes (switches, migrations) fall back to classic tracepoints, which cost more per event",
            "a kernel with BTF (CONFIG_DEBUG_INFO_BTF=y, Linux 5.5+), or the VM: bin/frameloop vm -- …"),
    FENTRY("fentry", "doctor_fentry", "fentry_hits",
            "no fentry: the GPU-submit probe falls back to sys_enter_ioctl, and input events (fentry on input_event) cannot be recorded",
            "a kernel with the function tracer (CONFIG_FUNCTION_TRACER, CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS), or the VM: bin/frameloop vm -- …"),
    LSM("lsm", "doctor_lsm", "lsm_hits",
            "no BPF LSM: game exec/exit detection falls back to the sched_process_exec/exit tracepoints",
            "a kernel with CONFIG_BPF_LSM=y booted with 'bpf' in lsm= (e.g. lsm=...,bpf), or the VM: bin/frameloop vm -- …"),
    UPROBE("uprobe", "doctor_uprobe", "uprobe_hits",
            "no uprobes: no frame timing from GL/EGL/Vulkan/X11 presents",
            "a kernel with CONFIG_UPROBE_EVENTS=y, or the VM: bin/frameloop vm -- …"),
    STRUCT_OPS("struct_ops", "doctor_sched_enable", null,
            "no sched_ext struct_ops: the gamer scheduler cannot run (scheduler mode); recording works in observe mode",
            "a kernel with CONFIG_SCHED_CLASS_EXT=y (Linux 6.12+), or the VM: bin/frameloop vm -- bin/frameloop sched");

    private final String key;
    private final String program;
    private final String hitsVariable;
    private final String costs;
    private final String fix;

    ProgramKind(String key, String program, String hitsVariable, String costs, String fix) {
        this.key = key;
        this.program = program;
        this.hitsVariable = hitsVariable;
        this.costs = costs;
        this.fix = fix;
    }

    /** Stable name in reports and JSON ("tp_btf"). */
    public String key() {
        return key;
    }

    /** The test program's name in its object. */
    public String program() {
        return program;
    }

    /** The .bss counter the test program increments, null when it has none. */
    public String hitsVariable() {
        return hitsVariable;
    }

    public String costs() {
        return costs;
    }

    public String fix() {
        return fix;
    }
}
