package dev.frameloop.core.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a 64-bit little-endian ELF file (what clang writes for {@code -target bpf} on x86_64
 * hosts, and what kernel modules and x86_64 programs are): a named section's bytes, and whether
 * a program asks for a dynamic loader. Pure functions over bytes: the header, the section header
 * table, the section-name string table and the program headers, nothing else.
 *
 * <pre>
 * ELF header (64-bit)          section header (64 bytes)     program header (56 bytes)
 *  0x00 e_ident "\x7fELF" ...   0x00 sh_name   (u32)          0x00 p_type (u32)   PT_INTERP = 3
 *  0x04 EI_CLASS 2 = 64-bit     0x04 sh_type   (u32)
 *  0x05 EI_DATA  1 = LE         0x18 sh_offset (u64)
 *  0x20 e_phoff     (u64)       0x20 sh_size   (u64)
 *  0x28 e_shoff     (u64)       0x28 sh_link   (u32)
 *  0x36 e_phentsize (u16)  0x38 e_phnum (u16)
 *  0x3A e_shentsize (u16)  0x3C e_shnum (u16)  0x3E e_shstrndx (u16)
 * </pre>
 */
public final class ElfFile {
    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int E_SHOFF = 0x28;
    private static final int E_SHENTSIZE = 0x3A;
    private static final int E_SHNUM = 0x3C;
    private static final int E_SHSTRNDX = 0x3E;
    private static final int ELF64_HEADER_SIZE = 0x40;
    private static final int SECTION_HEADER_SIZE = 0x40;
    private static final int SH_NAME = 0x00;
    private static final int SH_TYPE = 0x04;
    private static final int SH_OFFSET = 0x18;
    private static final int SH_SIZE = 0x20;
    private static final int SH_LINK = 0x28;
    private static final int SHT_NOBITS = 8;
    private static final int SHN_XINDEX = 0xFFFF;
    private static final int E_PHOFF = 0x20;
    private static final int E_PHENTSIZE = 0x36;
    private static final int E_PHNUM = 0x38;
    private static final int PT_INTERP = 3;

    private ElfFile() {
    }

    /**
     * The contents of the first section called {@code name}, as a little-endian buffer
     * sharing {@code elf}'s bytes; empty if there is no such section.
     *
     * @throws ElfFormatException if the bytes are not a well-formed 64-bit little-endian ELF file
     */
    public static Optional<ByteBuffer> section(ByteBuffer elf, String name) {
        ByteBuffer b = checkedHeader(elf);
        long shoff = b.getLong(E_SHOFF);
        int shentsize = Short.toUnsignedInt(b.getShort(E_SHENTSIZE));
        long shnum = Short.toUnsignedInt(b.getShort(E_SHNUM));
        int shstrndx = Short.toUnsignedInt(b.getShort(E_SHSTRNDX));
        if (shoff == 0) {
            return Optional.empty();
        }
        if (shentsize < SECTION_HEADER_SIZE) {
            throw new ElfFormatException("section header entry size " + shentsize + " is smaller than "
                    + SECTION_HEADER_SIZE);
        }
        int first = checkedRange(b, shoff, shentsize, "section header 0");
        if (shnum == 0) {
            shnum = b.getLong(first + SH_SIZE);
        }
        if (shstrndx == SHN_XINDEX) {
            shstrndx = b.getInt(first + SH_LINK);
        }
        checkedRange(b, shoff, shnum * shentsize, "section header table");
        if (shstrndx >= shnum) {
            throw new ElfFormatException("section name table index " + shstrndx + " >= section count " + shnum);
        }
        ByteBuffer names = contents(b, (int) (shoff + (long) shstrndx * shentsize), "section name table");
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (long i = 0; i < shnum; i++) {
            int header = (int) (shoff + i * shentsize);
            if (nameEquals(names, b.getInt(header + SH_NAME), wanted)) {
                return Optional.of(contents(b, header, "section " + name));
            }
        }
        return Optional.empty();
    }

    /**
     * True when the program asks for a dynamic loader (has a {@code PT_INTERP} program header):
     * it cannot run where its loader and libraries are absent, e.g. in an initramfs.
     *
     * @throws ElfFormatException if the bytes are not a well-formed 64-bit little-endian ELF file
     */
    public static boolean needsInterpreter(ByteBuffer elf) {
        ByteBuffer b = checkedHeader(elf);
        long phoff = b.getLong(E_PHOFF);
        int phentsize = Short.toUnsignedInt(b.getShort(E_PHENTSIZE));
        int phnum = Short.toUnsignedInt(b.getShort(E_PHNUM));
        if (phoff == 0 || phnum == 0) {
            return false;
        }
        checkedRange(b, phoff, (long) phnum * phentsize, "program header table");
        for (int i = 0; i < phnum; i++) {
            if (b.getInt((int) (phoff + (long) i * phentsize)) == PT_INTERP) {
                return true;
            }
        }
        return false;
    }

    private static ByteBuffer checkedHeader(ByteBuffer elf) {
        ByteBuffer b = elf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position(0);
        if (b.limit() < ELF64_HEADER_SIZE || b.get(0) != 0x7F || b.get(1) != 'E' || b.get(2) != 'L' || b.get(3) != 'F') {
            throw new ElfFormatException("not an ELF file (bad magic or shorter than an ELF header)");
        }
        if (b.get(EI_CLASS) != ELFCLASS64 || b.get(EI_DATA) != ELFDATA2LSB) {
            throw new ElfFormatException("only 64-bit little-endian ELF files are supported (class "
                    + b.get(EI_CLASS) + ", data " + b.get(EI_DATA) + ")");
        }
        return b;
    }

    private static ByteBuffer contents(ByteBuffer b, int header, String what) {
        if (b.getInt(header + SH_TYPE) == SHT_NOBITS) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        long offset = b.getLong(header + SH_OFFSET);
        long size = b.getLong(header + SH_SIZE);
        int start = checkedRange(b, offset, size, what);
        return b.slice(start, (int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static boolean nameEquals(ByteBuffer names, int nameOffset, byte[] wanted) {
        if (nameOffset < 0 || (long) nameOffset + wanted.length >= names.limit()) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (names.get(nameOffset + i) != wanted[i]) {
                return false;
            }
        }
        return names.get(nameOffset + wanted.length) == 0;
    }

    private static int checkedRange(ByteBuffer b, long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset + length > b.limit()) {
            throw new ElfFormatException(what + " [" + offset + ", " + (offset + length)
                    + ") lies outside the " + b.limit() + "-byte object");
        }
        return (int) offset;
    }
}
