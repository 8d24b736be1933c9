package dev.frameloop.core.btf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds a named section in a 64-bit little-endian ELF object (what clang writes for
 * {@code -target bpf} on x86_64 and arm64 hosts). Pure function over bytes: it reads the
 * section header table and the section-name string table, nothing else.
 */
public final class ElfSections {
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

    private ElfSections() {
    }

    /**
     * The contents of the first section called {@code name}, as a little-endian buffer
     * sharing {@code elf}'s bytes; empty if there is no such section.
     *
     * @throws BtfFormatException if the bytes are not a 64-bit little-endian ELF object
     */
    public static Optional<ByteBuffer> find(ByteBuffer elf, String name) {
        ByteBuffer b = elf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position(0);
        if (b.limit() < ELF64_HEADER_SIZE || b.get(0) != 0x7F || b.get(1) != 'E' || b.get(2) != 'L' || b.get(3) != 'F') {
            throw new BtfFormatException("not an ELF object (bad magic or shorter than an ELF header)");
        }
        if (b.get(EI_CLASS) != ELFCLASS64 || b.get(EI_DATA) != ELFDATA2LSB) {
            throw new BtfFormatException("only 64-bit little-endian ELF objects are supported (class "
                    + b.get(EI_CLASS) + ", data " + b.get(EI_DATA) + ")");
        }
        long shoff = b.getLong(E_SHOFF);
        int shentsize = Short.toUnsignedInt(b.getShort(E_SHENTSIZE));
        long shnum = Short.toUnsignedInt(b.getShort(E_SHNUM));
        int shstrndx = Short.toUnsignedInt(b.getShort(E_SHSTRNDX));
        if (shoff == 0) {
            return Optional.empty();
        }
        if (shentsize < SECTION_HEADER_SIZE) {
            throw new BtfFormatException("section header entry size " + shentsize + " is smaller than "
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
            throw new BtfFormatException("section name table index " + shstrndx + " >= section count " + shnum);
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
            throw new BtfFormatException(what + " [" + offset + ", " + (offset + length)
                    + ") lies outside the " + b.limit() + "-byte object");
        }
        return (int) offset;
    }
}
