package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundSpecTest {
    @Test
    void shouldParseEveryKindInOrder() {
        BackgroundSpec spec = BackgroundSpec.parse("cpu:2,fork:50,io:1,mem:512M");

        assertEquals(List.of(new BackgroundLoad(BackgroundLoad.Kind.CPU, 2), new BackgroundLoad(BackgroundLoad.Kind.FORK, 50),
                new BackgroundLoad(BackgroundLoad.Kind.IO, 1), new BackgroundLoad(BackgroundLoad.Kind.MEM, 512L << 20)),
                spec.loads());
        assertEquals("cpu:2,fork:50,io:1,mem:512M", spec.toString());
    }

    @Test
    void shouldBuildTheStressNgCommand() {
        assertEquals(List.of("stress-ng", "--quiet", "--timeout", "40s", "--cpu", "2", "--vm", "1", "--vm-bytes",
                        Long.toString(1L << 30), "--vm-keep"),
                BackgroundSpec.parse(" cpu:2 , mem:1g ").stressNgCommand(40));
    }

    @Test
    void shouldTreatNoneAndEmptyAsNoLoad() {
        assertTrue(BackgroundSpec.parse("none").isNone());
        assertTrue(BackgroundSpec.parse("").isNone());
        assertEquals(List.of(), BackgroundSpec.parse("none").stressNgCommand(10));
        assertEquals("none", BackgroundSpec.NONE.toString());
    }

    @Test
    void shouldRejectWhatItCannotRun() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BackgroundSpec.parse("gpu:1")).getMessage()
                .contains("kinds: cpu, fork, io, mem"));
        assertThrows(IllegalArgumentException.class, () -> BackgroundSpec.parse("cpu"));
        assertThrows(IllegalArgumentException.class, () -> BackgroundSpec.parse("cpu:two"));
        assertThrows(IllegalArgumentException.class, () -> BackgroundSpec.parse("cpu:0"));
        assertThrows(IllegalArgumentException.class, () -> BackgroundSpec.parse("mem:lots"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BackgroundSpec.parse("cpu:1,cpu:2")).getMessage()
                .contains("twice"));
    }

    @Test
    void shouldFormatSizesInTheLargestExactUnit() {
        assertEquals("mem:64K", new BackgroundLoad(BackgroundLoad.Kind.MEM, 64L << 10).toString());
        assertEquals("mem:1000", new BackgroundLoad(BackgroundLoad.Kind.MEM, 1000).toString());
        assertEquals("mem:2G", BackgroundSpec.parse("mem:2048M").toString());
    }
}
