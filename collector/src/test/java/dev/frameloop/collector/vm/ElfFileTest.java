package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElfFileTest {

    @Test
    void shouldReturnTheBytesOfANamedSection() {
        byte[] elf = new TestElf().section(".text", new byte[] {1, 2, 3}).section(".data", new byte[] {9, 8}).build();

        assertArrayEquals(new byte[] {9, 8}, new ElfFile(elf).section(".data").orElseThrow());
        assertArrayEquals(new byte[] {1, 2, 3}, new ElfFile(elf).section(".text").orElseThrow());
        assertTrue(new ElfFile(elf).section(".bss").isEmpty());
    }

    @Test
    void shouldTellWhetherAProgramNeedsADynamicLoader() {
        assertTrue(new ElfFile(new TestElf().section(".text", new byte[1]).withInterpreter().build()).needsInterpreter());
        assertFalse(new ElfFile(new TestElf().section(".text", new byte[1]).build()).needsInterpreter());
    }

    @Test
    void shouldRejectFilesThatAreNotElf64LittleEndian() {
        byte[] script = "#!/bin/sh\necho not an ELF file at all, just long enough to have a header ..........\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> new ElfFile(script));

        byte[] elf32 = new TestElf().section(".text", new byte[1]).build();
        elf32[4] = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ElfFile(elf32));
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
