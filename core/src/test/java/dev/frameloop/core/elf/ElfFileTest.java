package dev.frameloop.core.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ElfFileTest {

    @Test
    void shouldFindASectionByName() {
        byte[] elf = new ElfObjectBuilder()
                .section(".text", new byte[] {1, 2, 3})
                .section(".BTF", new byte[] {4, 5})
                .section(".BTF.ext", new byte[] {6})
                .build();

        ByteBuffer btf = ElfFile.section(ByteBuffer.wrap(elf), ".BTF").orElseThrow();

        byte[] contents = new byte[btf.remaining()];
        btf.get(contents);
        assertArrayEquals(new byte[] {4, 5}, contents);
        assertTrue(ElfFile.section(ByteBuffer.wrap(elf), ".BT").isEmpty());
        assertTrue(ElfFile.section(ByteBuffer.wrap(elf), ".data").isEmpty());
    }

    @Test
    void shouldRejectWhatIsNotA64BitLittleEndianElfObject() {
        byte[] elf32 = new ElfObjectBuilder().section(".BTF", new byte[1]).elfClass(1).build();
        assertEquals("only 64-bit little-endian ELF files are supported (class 1, data 1)",
                assertThrows(ElfFormatException.class, () -> ElfFile.section(ByteBuffer.wrap(elf32), ".BTF")).getMessage());

        byte[] text = "not an object at all, just some text long enough to be an ELF header......".getBytes();
        assertEquals("not an ELF file (bad magic or shorter than an ELF header)",
                assertThrows(ElfFormatException.class, () -> ElfFile.section(ByteBuffer.wrap(text), ".BTF")).getMessage());

        byte[] cut = java.util.Arrays.copyOf(new ElfObjectBuilder().section(".BTF", new byte[8]).build(), 100);
        assertTrue(assertThrows(ElfFormatException.class, () -> ElfFile.section(ByteBuffer.wrap(cut), ".BTF"))
                .getMessage().endsWith("lies outside the 100-byte object"));
    }
}
