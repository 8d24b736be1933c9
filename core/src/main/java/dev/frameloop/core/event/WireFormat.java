package dev.frameloop.core.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything Java assumes about {@code bpf/include/frameloop/events.h}: every struct layout
 * and every enum. The layout check ({@code dev.frameloop.core.btf.LayoutVerifier}) verifies
 * all of it against the BTF of the compiled object, in tests and when the collector loads it.
 */
public final class WireFormat {

    /** Header, every event type, and the benchmark records. */
    public static final List<StructLayout> STRUCTS = structs();

    /** Every enum of the wire format. */
    public static final List<EnumMirror> ENUMS = List.of(
            EventType.MIRROR,
            EventType.VERSION_MIRROR,
            DeviceKind.MIRROR,
            ProcessAction.MIRROR,
            ProcessSource.MIRROR,
            FrameSource.MIRROR,
            GpuDriver.MIRROR,
            GpuSubmitSource.MIRROR,
            MigrationReason.MIRROR,
            MigrationSource.MIRROR,
            ThreadClass.MIRROR,
            DetectionMethod.MIRROR,
            PolicyAction.MIRROR,
            PolicyReason.MIRROR);

    private WireFormat() {
    }

    private static List<StructLayout> structs() {
        List<StructLayout> structs = new ArrayList<>();
        structs.add(EventHeaderLayout.LAYOUT);
        for (EventType type : EventType.values()) {
            structs.add(type.layout());
        }
        structs.add(BenchRecordLayout.LAYOUT);
        structs.add(BenchFrameLayout.LAYOUT);
        return List.copyOf(structs);
    }
}
