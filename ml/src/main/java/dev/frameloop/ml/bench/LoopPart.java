package dev.frameloop.ml.bench;

/** The parts a closed-loop latency is made of, in the order they happen. */
public enum LoopPart {
    /** Trigger's bpf_ktime_get_ns() to the loop's handler: the ring reader's wakeup. */
    WAKEUP("wakeup", true),
    /** The online features taking the trigger's task_stats sample (and closing a window). */
    FEATURES("features", false),
    /** The model's prediction of the window (SafePredictor over the Tribuo model). */
    PREDICT("predict", false),
    /** RolePolicy turning the prediction into a decision. */
    POLICY("policy", false),
    /** The PolicyWriter's map update (tid check, entry, generation bump). */
    MAP_WRITE("map_write", false),
    /** The map write's end to the stand-in scheduler's first use of the entry (the target's next switch). */
    APPLY("apply", true);

    private final String key;
    private final boolean perMode;

    LoopPart(String key, boolean perMode) {
        this.key = key;
        this.perMode = perMode;
    }

    /** The name in JSON keys. */
    public String key() {
        return key;
    }

    /** Whether it waits for a wakeup or a switch (the reader's mode changes it), or is the loop's own work (also reported over both modes). */
    public boolean perMode() {
        return perMode;
    }
}
