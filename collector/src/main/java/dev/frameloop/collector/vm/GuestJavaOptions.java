package dev.frameloop.collector.vm;

import java.util.List;

/**
 * JVM options for frameloop's JVMs inside a TCG guest, where a JVM's start-up is most of what a short command costs
 * (measured there, {@code frameloop record --help}: 21 s by default, 9 s with these and the class-data archive):
 * the C1 compiler only (C2's compilations cost more than they return in a few minutes of emulated CPU) and the
 * serial collector (no parallel GC threads on 2 guest CPUs). The guest gets them in {@code FRAMELOOP_JAVA_OPTS},
 * before the caller's own, so that the caller's win.
 */
public final class GuestJavaOptions {
    /** The options, in the order they are passed. */
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** The variable that carries extra JVM options to bin/frameloop and to frameloop's child JVMs. */
    public static final String VARIABLE = "FRAMELOOP_JAVA_OPTS";

    private GuestJavaOptions() {
    }

    /** The guest's {@link #VARIABLE}: {@link #OPTIONS}, then the caller's value. */
    static String variable(String callers) {
        String ours = String.join(" ", OPTIONS);
        return callers == null || callers.isBlank() ? ours : ours + " " + callers.strip();
    }
}
