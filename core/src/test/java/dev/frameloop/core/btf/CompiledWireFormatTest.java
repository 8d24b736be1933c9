package dev.frameloop.core.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FieldLayout;
import dev.frameloop.core.event.FrameTimingEventLayout;
import dev.frameloop.core.event.MigrationEventLayout;
import dev.frameloop.core.event.StructLayout;
import dev.frameloop.core.event.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Java mirror against the BTF of {@code events.bpf.o} as the build compiled it from
 * {@code bpf/include/frameloop/events.h} (the bpf module is a test dependency of core).
 */
class CompiledWireFormatTest {
    private static final String OBJECT = "/bpf/events.bpf.o";

    private static byte[] compiledObject() throws IOException {
        try (InputStream in = CompiledWireFormatTest.class.getResourceAsStream(OBJECT)) {
            assertNotNull(in, OBJECT + " is not on the test classpath: build the bpf module first "
                    + "(mvn -pl core -am verify; it needs clang and libbpf-dev)");
            return in.readAllBytes();
        }
    }

    @Test
    void shouldMatchEveryStructAndEnumOfTheCompiledObject() throws IOException {
        byte[] object = compiledObject();

        LayoutVerifier.verifyWireFormat(object);

        Btf btf = Btf.fromElf(object);
        for (EventType type : EventType.values()) {
            assertEquals(type.size(), btf.findStruct(type.structName()).orElseThrow().size(), type.structName());
        }
        assertEquals(EventType.values().length + 3, WireFormat.STRUCTS.size());
    }

    @Test
    void shouldNameTheFieldWhenALayoutIsWrong() throws IOException {
        LayoutVerifier verifier = new LayoutVerifier(Btf.fromElf(compiledObject()));
        StructLayout swapped = replace(FrameTimingEventLayout.LAYOUT,
                new FieldLayout("gpu_to_present_ns", 32, 8), new FieldLayout("frame_interval_ns", 40, 8));
        StructLayout narrowed = replace(MigrationEventLayout.LAYOUT, new FieldLayout("latency_ns", 40, 4));

        assertEquals(Optional.of("fl_frame_timing_event.gpu_to_present_ns: Java offset 32 size 8, BTF offset 40 size 8"),
                verifier.firstMismatch(swapped));
        LayoutMismatchException error = assertThrows(LayoutMismatchException.class,
                () -> verifier.verify(List.of(narrowed), List.of()));
        assertTrue(error.getMessage().startsWith(
                "fl_migration_event.latency_ns: Java offset 40 size 4, BTF offset 40 size 8"), error.getMessage());
    }

    /** The layout with the named fields replaced, re-sorted by offset. */
    private static StructLayout replace(StructLayout layout, FieldLayout... replacements) {
        List<FieldLayout> fields = new ArrayList<>();
        for (FieldLayout field : layout.fields()) {
            FieldLayout chosen = field;
            for (FieldLayout replacement : replacements) {
                if (replacement.name().equals(field.name())) {
                    chosen = replacement;
                }
            }
            fields.add(chosen);
        }
        fields.sort((x, y) -> Integer.compare(x.offset(), y.offset()));
        return new StructLayout(layout.name(), layout.size(), fields);
    }
}
