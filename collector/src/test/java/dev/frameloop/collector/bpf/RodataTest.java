package dev.frameloop.collector.bpf;

import dev.frameloop.collector.testing.HostRequirements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writing gamer.bpf.o's const volatile tunables before load: needs libbpf, no privileges. */
class RodataTest {

    @BeforeEach
    void needsLibbpf() {
        HostRequirements.requireLibbpf();
    }

    @Test
    void shouldWriteVariablesWhereBtfSaysTheyAre() {
        try (BpfObject gamer = BpfObject.openResource("gamer")) {
            Rodata rodata = Rodata.of(gamer);
            ObjectBtf.GlobalVariable threshold = gamer.btf().global(Rodata.SECTION, "deadline_miss_threshold_ns");
            ObjectBtf.GlobalVariable boost = gamer.btf().global(Rodata.SECTION, "class_boost");

            rodata.setU64("deadline_miss_threshold_ns", 2_500_000L);
            rodata.setU32("class_boost", 2, 333);

            var bytes = gamer.map(Rodata.SECTION).initialValue().order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(2_500_000L, bytes.getLong(threshold.offset()));
            assertEquals(333, bytes.getInt(boost.offset() + 2 * 4));
        }
    }

    @Test
    void shouldReadTheDefaultCommPatternsAndAppendOne() {
        try (BpfObject gamer = BpfObject.openResource("gamer")) {
            Rodata rodata = Rodata.of(gamer);
            int slots = rodata.count("comm_patterns", 16);
            int free = 0;
            while (!rodata.getString("comm_patterns", free, 16).isEmpty()) {
                free++;
            }

            rodata.setString("comm_patterns", free, 16, "frame_loop");

            assertEquals(24, slots);
            assertEquals("kwin_wayland", rodata.getString("comm_patterns", 0, 16));
            assertEquals("frame_loop", rodata.getString("comm_patterns", free, 16));
        }
    }

    @Test
    void shouldRefuseWhatDoesNotFit() {
        try (BpfObject gamer = BpfObject.openResource("gamer")) {
            Rodata rodata = Rodata.of(gamer);

            assertEquals("test_stall_tid[0]: -1 does not fit in 32 bits",
                    assertThrows(IllegalArgumentException.class, () -> rodata.setU32("test_stall_tid", -1)).getMessage());
            assertEquals(".rodata variable test_stall_tid is 4 bytes, not a whole number of 8-byte elements",
                    assertThrows(IllegalArgumentException.class, () -> rodata.setU64("test_stall_tid", 1)).getMessage());
            assertEquals(".rodata variable class_boost has 7 elements of 4 bytes; no element 7",
                    assertThrows(IndexOutOfBoundsException.class, () -> rodata.setU32("class_boost", 7, 1)).getMessage());
            assertEquals("comm_patterns[0]: 'a_name_of_16_bytes' is 18 bytes; at most 15 fit",
                    assertThrows(IllegalArgumentException.class,
                            () -> rodata.setString("comm_patterns", 0, 16, "a_name_of_16_bytes")).getMessage());
            assertThrows(IllegalArgumentException.class, () -> rodata.setU32("no_such_variable", 1));
        }
    }
}
