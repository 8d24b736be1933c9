package dev.frameloop.collector.probe;

/** Which BPF object carries the probes. */
public enum ProbeMode {
    /** observe.bpf.o: the probes alone, no scheduler (any kernel with BPF). */
    OBSERVE("observe"),
    /** gamer.bpf.o: the probes inside the gamer sched_ext scheduler, sharing its maps (needs sched_ext). */
    SCHEDULER("gamer");

    private final String object;

    ProbeMode(String object) {
        this.object = object;
    }

    /** Classpath object name ({@code /bpf/<object>.bpf.o}). */
    public String object() {
        return object;
    }
}
