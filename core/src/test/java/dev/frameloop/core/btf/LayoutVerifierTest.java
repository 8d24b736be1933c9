package dev.frameloop.core.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frameloop.core.event.EnumMirror;
import dev.frameloop.core.event.FieldLayout;
import dev.frameloop.core.event.StructLayout;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison rules, on small hand-built BTF. */
class LayoutVerifierTest {
    private final LayoutVerifier verifier = new LayoutVerifier(Btf.parse(ByteBuffer.wrap(fixture())));

    /**
     * {@code struct fl_test { __u32 a; __u32 pad0; __u64 b; char name[16]; }} (32 bytes) through a
     * typedef, a union, a bitfield struct and {@code enum fl_color { FL_COLOR_RED = 1, FL_COLOR_BLUE = 2 }}.
     */
    private static byte[] fixture() {
        BtfBlobBuilder b = new BtfBlobBuilder();
        int u32 = b.intType("unsigned int", 4, 0, 32);
        int u64 = b.intType("unsigned long long", 8, 0, 64);
        int typedefU32 = b.ref(BtfKind.TYPEDEF, "__u32", u32);
        int typedefU64 = b.ref(BtfKind.TYPEDEF, "__u64", u64);
        int chr = b.intType("char", 1, 2, 8);
        int name = b.array(chr, u32, 16);
        b.struct("fl_test", 32, "a", typedefU32, 0, "pad0", typedefU32, 32, "b", typedefU64, 64, "name", name, 128);
        b.union("fl_union", 8, "a", typedefU64, 0);
        b.bitfieldStruct("fl_bits", 4, "low", u32, 0, 3, "high", u32, 3, 29);
        b.enum32("fl_color", false, "FL_COLOR_RED", 1, "FL_COLOR_BLUE", 2);
        return b.build();
    }

    private static StructLayout test(FieldLayout... fields) {
        return new StructLayout("fl_test", 32, List.of(fields));
    }

    @Test
    void shouldAcceptALayoutThatMatches() {
        StructLayout layout = test(new FieldLayout("a", 0, 4), new FieldLayout("pad0", 4, 4), new FieldLayout("b", 8, 8),
                new FieldLayout("name", 16, 16));

        assertEquals(Optional.empty(), verifier.firstMismatch(layout));
    }

    @Test
    void shouldNameTheFirstFieldWhoseOffsetOrSizeDiffers() {
        StructLayout wrongOffset = test(new FieldLayout("a", 0, 4), new FieldLayout("b", 4, 8), new FieldLayout("pad0", 12, 4),
                new FieldLayout("name", 16, 16));
        StructLayout wrongSize = test(new FieldLayout("a", 0, 4), new FieldLayout("pad0", 4, 4), new FieldLayout("b", 8, 4),
                new FieldLayout("name", 16, 16));

        assertEquals(Optional.of("fl_test.b: Java offset 4 size 8, BTF offset 8 size 8"), verifier.firstMismatch(wrongOffset));
        assertEquals(Optional.of("fl_test.b: Java offset 8 size 4, BTF offset 8 size 8"), verifier.firstMismatch(wrongSize));
    }

    @Test
    void shouldNameFieldsOnlyOneSideHas() {
        StructLayout renamed = test(new FieldLayout("a", 0, 4), new FieldLayout("pad0", 4, 4), new FieldLayout("bee", 8, 8),
                new FieldLayout("name", 16, 16));
        StructLayout missing = test(new FieldLayout("a", 0, 4), new FieldLayout("pad0", 4, 4), new FieldLayout("b", 8, 8));

        assertEquals(Optional.of("fl_test.bee: Java offset 8 size 8, not in BTF"), verifier.firstMismatch(renamed));
        assertEquals(Optional.of("fl_test.name: BTF offset 16 size 16, not in the Java layout"),
                verifier.firstMismatch(missing));
    }

    @Test
    void shouldReportAStructSizeThatDiffers() {
        StructLayout bigger = new StructLayout("fl_test", 40, List.of(new FieldLayout("a", 0, 4), new FieldLayout("pad0", 4, 4),
                new FieldLayout("b", 8, 8), new FieldLayout("name", 16, 16)));

        assertEquals(Optional.of("struct fl_test: Java size 40, BTF size 32"), verifier.firstMismatch(bigger));
    }

    @Test
    void shouldReportStructsThatAreMissingUnionsOrBitfields() {
        assertEquals(Optional.of("struct fl_absent: not in BTF"),
                verifier.firstMismatch(new StructLayout("fl_absent", 8, List.of())));
        assertEquals(Optional.of("struct fl_union: is a union in BTF"),
                verifier.firstMismatch(new StructLayout("fl_union", 8, List.of(new FieldLayout("a", 0, 8)))));
        assertEquals(Optional.of("fl_bits.low: BTF bitfield (bit offset 0, 3 bits), not supported by the Java mirror"),
                verifier.firstMismatch(new StructLayout("fl_bits", 4, List.of(new FieldLayout("low", 0, 4)))));
    }

    @Test
    void shouldCompareEnumeratorsByNameAndValue() {
        assertEquals(Optional.empty(), verifier.firstMismatch(color("FL_COLOR_RED", 1L, "FL_COLOR_BLUE", 2L)));
        assertEquals(Optional.of("enum fl_color: FL_COLOR_BLUE = 3 in Java, 2 in BTF"),
                verifier.firstMismatch(color("FL_COLOR_RED", 1L, "FL_COLOR_BLUE", 3L)));
        assertEquals(Optional.of("enum fl_color: FL_COLOR_GREEN = 3 in Java, not in BTF"),
                verifier.firstMismatch(color("FL_COLOR_RED", 1L, "FL_COLOR_BLUE", 2L, "FL_COLOR_GREEN", 3L)));
        assertEquals(Optional.of("enum fl_color: FL_COLOR_BLUE = 2 in BTF, not in Java"),
                verifier.firstMismatch(color("FL_COLOR_RED", 1L)));
        assertEquals(Optional.of("enum fl_shade: not in BTF"),
                verifier.firstMismatch(new EnumMirror("fl_shade", Map.of("FL_SHADE_DARK", 1L))));
    }

    @Test
    void shouldListEveryDifferenceAndLeadWithTheFirst() {
        StructLayout wrongSize = test(new FieldLayout("a", 0, 4), new FieldLayout("pad0", 4, 4), new FieldLayout("b", 8, 4),
                new FieldLayout("name", 16, 16));

        LayoutMismatchException error = assertThrows(LayoutMismatchException.class,
                () -> verifier.verify(List.of(wrongSize), List.of(color("FL_COLOR_RED", 2L, "FL_COLOR_BLUE", 2L))));

        assertEquals(List.of("fl_test.b: Java offset 8 size 4, BTF offset 8 size 8",
                "enum fl_color: FL_COLOR_RED = 2 in Java, 1 in BTF"), error.mismatches());
        assertEquals("fl_test.b: Java offset 8 size 4, BTF offset 8 size 8 (and 1 more:\n"
                + "  enum fl_color: FL_COLOR_RED = 2 in Java, 1 in BTF); events.h and dev.frameloop.core.event must "
                + "describe the same bytes", error.getMessage());
    }

    private static EnumMirror color(Object... enumerators) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < enumerators.length; i += 2) {
            values.put((String) enumerators[i], (Long) enumerators[i + 1]);
        }
        return new EnumMirror("fl_color", values);
    }
}
