package dev.frameloop.core.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every event type of the wire format: its code ({@code enum fl_event_type}), layout version
 * ({@code enum fl_event_version}), size and layout. Codes, versions and layouts are checked
 * against the BTF of the compiled BPF object.
 */
public enum EventType implements WireEnum {
    /** {@code struct fl_input_event}. */
    INPUT(1, 1, InputEventLayout.LAYOUT),
    /** {@code struct fl_process_event}. */
    PROCESS(2, 1, ProcessEventLayout.LAYOUT),
    /** {@code struct fl_frame_timing_event}. */
    FRAME_TIMING(3, 1, FrameTimingEventLayout.LAYOUT),
    /** {@code struct fl_gpu_submit_event}. */
    GPU_SUBMIT(4, 1, GpuSubmitEventLayout.LAYOUT),
    /** {@code struct fl_migration_event}. */
    MIGRATION(5, 1, MigrationEventLayout.LAYOUT),
    /** {@code struct fl_thread_class_event}. */
    THREAD_CLASS(6, 1, ThreadClassEventLayout.LAYOUT),
    /** {@code struct fl_deadline_miss_event}. */
    DEADLINE_MISS(7, 1, DeadlineMissEventLayout.LAYOUT),
    /** {@code struct fl_task_stats_event}. */
    TASK_STATS(8, 1, TaskStatsEventLayout.LAYOUT),
    /** {@code struct fl_policy_applied_event}. */
    POLICY_APPLIED(9, 1, PolicyAppliedEventLayout.LAYOUT),
    /** {@code struct fl_policy_decision_event}: written by the closed loop in userspace, never by BPF. */
    POLICY_DECISION(10, 1, PolicyDecisionEventLayout.LAYOUT);

    /** {@code enum fl_event_type}: the type codes, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_event_type", "FL_EVENT_", values());

    /** {@code enum fl_event_version}: the layout version of each type, for the layout check. */
    public static final EnumMirror VERSION_MIRROR = versionMirror();

    private static final EventType[] BY_CODE = new EventType[11];

    static {
        for (EventType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int version;
    private final StructLayout layout;

    EventType(int code, int version, StructLayout layout) {
        this.code = code;
        this.version = version;
        this.layout = layout;
    }

    /** The {@code header.type} value of events of this type. */
    @Override
    public int code() {
        return code;
    }

    /** The {@code header.version} this build reads. */
    public int version() {
        return version;
    }

    /** {@code sizeof} the event struct, and its {@code header.size}. */
    public int size() {
        return layout.size();
    }

    /** Name of the C struct. */
    public String structName() {
        return layout.name();
    }

    /** Layout of the C struct. */
    public StructLayout layout() {
        return layout;
    }

    /** Whether {@code code} is the code of a type this build knows. */
    public static boolean isKnownCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null;
    }

    /**
     * The type with this code.
     *
     * @throws IllegalArgumentException if this build does not know the code
     */
    public static EventType fromCode(int code) {
        if (!isKnownCode(code)) {
            throw new IllegalArgumentException("unknown event type code " + code
                    + " (this build knows 1.." + (BY_CODE.length - 1) + ")");
        }
        return BY_CODE[code];
    }

    private static EnumMirror versionMirror() {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (EventType type : values()) {
            versions.put("FL_EVENT_VERSION_" + type.name(), (long) type.version);
        }
        return new EnumMirror("fl_event_version", versions);
    }
}
