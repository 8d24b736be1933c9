package dev.frameloop.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void shouldFindEveryTypeByItsCodeAndRefuseUnknownCodes() {
        for (EventType type : EventType.values()) {
            assertEquals(type, EventType.fromCode(type.code()));
            assertEquals(0, type.size() % 8, type + " must keep ring records 8-byte aligned");
            assertEquals("header", type.layout().fields().get(0).name());
        }
        assertFalse(EventType.isKnownCode(0));
        assertEquals("unknown event type code 42 (this build knows 1..10)",
                assertThrows(IllegalArgumentException.class, () -> EventType.fromCode(42)).getMessage());
    }

    @Test
    void shouldMapUnknownEnumCodesToUnknown() {
        assertEquals(ThreadClass.AUDIO, ThreadClass.fromCode(3));
        assertEquals(ThreadClass.UNKNOWN, ThreadClass.fromCode(200));
        assertEquals(DeviceKind.UNKNOWN, DeviceKind.fromCode(-1));
    }

    @Test
    void shouldRefuseLayoutsWithOverlappingFields() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new StructLayout("s", 8,
                java.util.List.of(new FieldLayout("a", 0, 4), new FieldLayout("b", 2, 4))));
        assertEquals("s.b: offset 2 overlaps the previous field, which ends at 4", error.getMessage());
    }
}
