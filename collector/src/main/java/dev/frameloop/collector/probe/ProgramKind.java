package dev.frameloop.collector.probe;

/** How a probe program hooks the kernel: decides what the kernel must support for it to load and attach. */
public enum ProgramKind {
    /** BPF LSM hook ({@code lsm/…}): needs CONFIG_BPF_LSM and "bpf" in the active LSMs. */
    LSM("lsm"),
    /** fentry/fexit on a kernel function: needs the function tracer (direct calls) and the function in BTF. */
    FENTRY("fentry"),
    /** BTF tracepoint ({@code tp_btf/…}): needs kernel BTF. */
    TP_BTF("tp_btf"),
    /** Classic tracepoint ({@code tp/<category>/<name>}): needs tracefs mounted (the event's id file). */
    TRACEPOINT("tracepoint"),
    /** uprobe on a user-space function. */
    UPROBE("uprobe");

    private final String label;

    ProgramKind(String label) {
        this.label = label;
    }

    /** Prefix of a source name ("tp_btf" in "tp_btf:sched_process_exec"). */
    public String label() {
        return label;
    }
}
