package dev.frameloop.collector.vm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two things the VM runner reads from ELF files: a section's bytes (a kernel module's
 * {@code .modinfo}) and whether a program needs a dynamic loader (busybox must be static to run
 * in the initramfs). Only 64-bit little-endian ELF (x86-64) is supported.
 *
 * <pre>
 * ELF header (64-bit)          section header (64 bytes)     program header (56 bytes)
 *  0x00 e_ident "\x7fELF" ...   0x00 sh_name   (u32)          0x00 p_type (u32)   PT_INTERP = 3
 *  0x04 EI_CLASS 2 = 64-bit     0x04 sh_type   (u32)
 *  0x05 EI_DATA  1 = LE         0x18 sh_offset (u64)
 *  0x20 e_phoff     (u64)       0x20 sh_size   (u64)
 *  0x28 e_shoff     (u64)
 *  0x36 e_phentsize (u16)  0x38 e_phnum (u16)
 *  0x3A e_shentsize (u16)  0x3C e_shnum (u16)  0x3E e_shstrndx (u16)
 * </pre>
 */
final class ElfFile {
    private static final int PT_INTERP = 3;
    private final ByteBuffer bytes;

    ElfFile(byte[] content) {
        if (content.length < 64 || content[0] != 0x7f || content[1] != 'E' || content[2] != 'L' || content[3] != 'F') {
            throw new IllegalArgumentException("not an ELF file");
        }
        if (content[4] != 2 || content[5] != 1) {
            throw new IllegalArgumentException("not a 64-bit little-endian ELF file (class " + content[4] + ", data " + content[5] + ")");
        }
        this.bytes = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes of the section named {@code name}, empty when there is none. */
    Optional<byte[]> section(String name) {
        long shoff = bytes.getLong(0x28);
        int shentsize = Short.toUnsignedInt(bytes.getShort(0x3A));
        int shnum = Short.toUnsignedInt(bytes.getShort(0x3C));
        int shstrndx = Short.toUnsignedInt(bytes.getShort(0x3E));
        if (shnum == 0 || shstrndx >= shnum) {
            return Optional.empty();
        }
        long names = sectionOffset(shoff, shentsize, shstrndx);
        for (int i = 0; i < shnum; i++) {
            long header = shoff + (long) i * shentsize;
            int nameOffset = bytes.getInt(index(header));
            if (name.equals(cString(names + Integer.toUnsignedLong(nameOffset)))) {
                long offset = bytes.getLong(index(header + 0x18));
                long size = bytes.getLong(index(header + 0x20));
                if (offset < 0 || size < 0 || offset + size > bytes.capacity()) {
                    throw new IllegalArgumentException("section " + name + " lies outside the file");
                }
                byte[] out = new byte[(int) size];
                bytes.get((int) offset, out);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** True when the program asks for a dynamic loader (has a PT_INTERP program header). */
    boolean needsInterpreter() {
        long phoff = bytes.getLong(0x20);
        int phentsize = Short.toUnsignedInt(bytes.getShort(0x36));
        int phnum = Short.toUnsignedInt(bytes.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            if (bytes.getInt(index(phoff + (long) i * phentsize)) == PT_INTERP) {
                return true;
            }
        }
        return false;
    }

    private long sectionOffset(long shoff, int shentsize, int index) {
        return bytes.getLong(index(shoff + (long) index * shentsize + 0x18));
    }

    private String cString(long offset) {
        int start = index(offset);
        int end = start;
        while (end < bytes.capacity() && bytes.get(end) != 0) {
            end++;
        }
        byte[] out = new byte[end - start];
        bytes.get(start, out);
        return new String(out, StandardCharsets.UTF_8);
    }

    private int index(long offset) {
        if (offset < 0 || offset >= bytes.capacity()) {
            throw new IllegalArgumentException("ELF offset " + offset + " lies outside the file (" + bytes.capacity() + " bytes)");
        }
        return (int) offset;
    }
}
