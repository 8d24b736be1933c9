package dev.frameloop.core.policy;

import dev.frameloop.core.btf.Btf;
import dev.frameloop.core.btf.LayoutVerifier;
import dev.frameloop.core.event.FieldLayout;
import dev.frameloop.core.event.StructLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** {@link BoostPolicyLayout} against the BTF of {@code gamer.bpf.o} as the build compiled it from policy.h. */
class CompiledBoostPolicyLayoutTest {
    private static final String OBJECT = "/bpf/gamer.bpf.o";

    private static LayoutVerifier verifier() throws IOException {
        try (InputStream in = CompiledBoostPolicyLayoutTest.class.getResourceAsStream(OBJECT)) {
            assertNotNull(in, OBJECT + " is not on the test classpath: build the bpf module first (mvn -pl core -am verify)");
            return new LayoutVerifier(Btf.fromElf(in.readAllBytes()));
        }
    }

    @Test
    void shouldMatchTheMapValueAndControlStructsOfTheScheduler() throws IOException {
        LayoutVerifier verifier = verifier();

        for (StructLayout layout : BoostPolicyLayout.STRUCTS) {
            assertEquals(Optional.empty(), verifier.firstMismatch(layout), layout.name());
        }
    }

    @Test
    void shouldNameTheFirstFieldThatDiffers() throws IOException {
        StructLayout swapped = new StructLayout(BoostPolicyLayout.STRUCT_NAME, BoostPolicyLayout.SIZE, List.of(
                new FieldLayout("entry_timestamp_ns", 0, 8), new FieldLayout("expiry_ns", 8, 8),
                new FieldLayout("slice_ns", 16, 8), new FieldLayout("applied_ns", 24, 8),
                new FieldLayout("flags", 32, 4), new FieldLayout("boost", 36, 4),
                new FieldLayout("role", 40, 1), new FieldLayout("pad0", 41, 1),
                new FieldLayout("pad1", 42, 2), new FieldLayout("pad2", 44, 4)));

        assertEquals(Optional.of("fl_boost_policy.flags: Java offset 32 size 4, BTF offset 36 size 4"),
                verifier().firstMismatch(swapped));
    }
}
