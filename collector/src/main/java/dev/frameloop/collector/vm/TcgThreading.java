package dev.frameloop.collector.vm;

import java.util.Locale;

/** How qemu's TCG runs the guest CPUs: all on one host thread, or one host thread each. */
public enum TcgThreading {
    /**
     * One host thread runs every guest CPU in turn. The default: with {@link #MULTI} the 7.2 guest kernel
     * sporadically dies with an int3 Oops while it patches its own code (a static key flipped on one CPU while
     * another executes the old instructions), seen at boot when sched_clock is marked stable.
     */
    SINGLE,
    /** One host thread per guest CPU: faster on hosts with cores to spare, at the risk described above. */
    MULTI;

    /** The value of qemu's {@code -accel tcg,thread=}. */
    public String qemuValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
