package dev.frameloop.collector.vm;

import dev.frameloop.core.elf.ElfFile;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElfProgramTest {

    @Test
    void shouldTellWhetherAProgramNeedsADynamicLoader() {
        assertTrue(ElfFile.needsInterpreter(ByteBuffer.wrap(new TestElf().section(".text", new byte[1]).withInterpreter().build())));
        assertFalse(ElfFile.needsInterpreter(ByteBuffer.wrap(new TestElf().section(".text", new byte[1]).build())));
    }

    @Test
    void shouldRejectFilesThatAreNotElf64LittleEndian() {
        byte[] script = "#!/bin/sh\necho not an ELF file at all, just long enough to have a header ..........\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> ElfFile.needsInterpreter(ByteBuffer.wrap(script)));

        byte[] elf32 = new TestElf().section(".text", new byte[1]).build();
        elf32[4] = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElfFile.needsInterpreter(ByteBuffer.wrap(elf32)));
        assertTrue(e.getMessage().contains("64-bit"), e.getMessage());
    }

    @Test
    void shouldReadTheDependenciesOfAModule() {
        assertEquals(List.of("snd-pcm", "snd", "snd-timer"), ModuleInfo.depends(TestElf.module("snd-aloop", "snd-pcm,snd,snd-timer")));
        assertEquals(List.of(), ModuleInfo.depends(TestElf.module("soundcore", "")));
    }

    @Test
    void shouldRejectAModuleWithoutModinfo() {
        byte[] elf = new TestElf().section(".text", new byte[1]).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleInfo.depends(elf));
        assertTrue(e.getMessage().contains(".modinfo"), e.getMessage());
    }
}
