package dev.frameloop.collector.probe;

import dev.frameloop.core.event.EventType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the source of every event type: the attached hooks ("tp_btf:sched_process_exec,
 * tp_btf:sched_process_exit"), the scheduler ("scheduler:gamer") or "unavailable: why".
 */
public final class ProbeSources {
    /** Source name of the streams the gamer scheduler writes itself. */
    public static final String SCHEDULER = "scheduler:gamer";
    /** The event types the scheduler writes (migration: with its own reasons). */
    static final List<EventType> SCHEDULER_TYPES = List.of(EventType.MIGRATION, EventType.THREAD_CLASS,
            EventType.DEADLINE_MISS, EventType.TASK_STATS, EventType.POLICY_APPLIED);

    private ProbeSources() {
    }

    /** Source of a stream turned off because the session does not record it. */
    public static final String OFF = "off: not recorded (record --events leaves it out; no program loaded for it)";

    static Map<EventType, String> of(ProbeMode mode, List<ProbeHook> hooks) {
        return of(mode, hooks, Set.of());
    }

    /** The sources, with the types of {@code off} (streams turned off, their probes not loaded) named {@link #OFF}. */
    static Map<EventType, String> of(ProbeMode mode, List<ProbeHook> hooks, Set<EventType> off) {
        Map<EventType, String> sources = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            if (off.contains(type)) {
                sources.put(type, OFF);
                continue;
            }
            List<String> attached = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            boolean probed = false;
            for (ProbeHook hook : hooks) {
                if (hook.chain().type() != type) {
                    continue;
                }
                probed = true;
                if (hook.attached().isPresent()) {
                    attached.add(hook.source());
                } else {
                    missing.add(hook.chain().name() + ": " + String.join("; ", hook.passed()));
                }
            }
            if (mode == ProbeMode.SCHEDULER && SCHEDULER_TYPES.contains(type)) {
                attached.add(0, SCHEDULER);
            }
            String source;
            if (!attached.isEmpty()) {
                source = String.join(", ", attached) + (missing.isEmpty() ? "" : " (no " + String.join("; no ", missing) + ")");
            } else if (probed) {
                source = "unavailable: " + String.join("; ", missing);
            } else if (SCHEDULER_TYPES.contains(type)) {
                source = "unavailable: written by the gamer scheduler, which observe mode does not run";
            } else if (type == EventType.POLICY_DECISION) {
                source = "unavailable: written by frameloop loop (its decisions), never by a probe";
            } else {
                source = "unavailable: no probe for it yet";
            }
            sources.put(type, source);
        }
        return Collections.unmodifiableMap(sources);
    }

    /** One line for a report: "process tp_btf:sched_process_exec, tp_btf:sched_process_exit; input unavailable: …". */
    public static String describe(Map<EventType, String> sources, List<EventType> types) {
        List<String> parts = new ArrayList<>();
        for (EventType type : types) {
            parts.add(type.name().toLowerCase(java.util.Locale.ROOT) + " " + sources.get(type));
        }
        return String.join("; ", parts);
    }
}
