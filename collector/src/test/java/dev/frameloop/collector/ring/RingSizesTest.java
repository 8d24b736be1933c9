package dev.frameloop.collector.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class RingSizesTest {

    @Test
    void shouldDefaultToTheDesignDocumentsSizes() {
        RingSizes sizes = RingSizes.defaults();

        assertEquals(RingSize.set(16, 64 << 10), sizes.of(RingStream.INPUT));
        assertEquals(RingSize.single(256 << 10), sizes.of(RingStream.PROCESS));
        assertEquals(RingSize.single(64 << 10), sizes.of(RingStream.FRAME_TIMING));
        assertEquals(RingSize.single(64 << 10), sizes.of(RingStream.GPU_SUBMIT));
        assertEquals(RingSize.set(16, 32 << 10), sizes.of(RingStream.MIGRATION));
    }

    @Test
    void shouldHaveASizeForEveryStream() {
        for (RingStream stream : RingStream.values()) {
            assertNotNull(RingSizes.defaults().of(stream), stream.name());
        }
    }

    @Test
    void shouldOverrideOneStreamAndKeepTheOthers() {
        RingSizes sizes = RingSizes.defaults().with(RingStream.INPUT, RingSize.parse("4x16KiB"));

        assertEquals(RingSize.parse("4x16KiB"), sizes.of(RingStream.INPUT));
        assertEquals(RingSizes.defaults().of(RingStream.MIGRATION), sizes.of(RingStream.MIGRATION));
        assertEquals(RingSizes.defaults().totalBytes() - (1L << 20) + (64L << 10), sizes.totalBytes());
    }

    @Test
    void shouldDescribeAnOptionWithTheMemoryItLocks() {
        assertEquals("--ring-input=16x64KiB (1 MiB locked)",
                RingSizes.describe("--ring-input", RingSizes.defaults().of(RingStream.INPUT)));
        assertEquals("--ring-migration=16x32KiB (512 KiB locked)",
                RingSizes.describe("--ring-migration", RingSizes.defaults().of(RingStream.MIGRATION)));
        assertEquals("--ring-process=256KiB (256 KiB locked)",
                RingSizes.describe("--ring-process", RingSizes.defaults().of(RingStream.PROCESS)));
    }
}
