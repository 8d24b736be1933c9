package dev.frameloop.collector.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the members of one struct instance, by name, from bytes BPF wrote (little-endian, x86-64).
 * Each accessor checks the member's size against the width it reads.
 */
public final class StructView {
    private final StructLayout layout;
    private final ByteBuffer bytes;
    private final int base;

    /** A view of the struct starting at {@code base} in {@code bytes}. */
    public StructView(StructLayout layout, ByteBuffer bytes, int base) {
        if (base < 0 || base + layout.size() > bytes.limit()) {
            throw new IllegalArgumentException("struct " + layout.name() + " (" + layout.size() + " bytes) at offset "
                    + base + " does not fit in " + bytes.limit() + " bytes");
        }
        this.layout = layout;
        this.bytes = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.base = base;
    }

    public StructLayout layout() {
        return layout;
    }

    public long u64(String member) {
        return bytes.getLong(at(member, 8));
    }

    /** Element index of a member that is an array of 64-bit integers ({@code u64 name[N]}). */
    public long u64(String member, int index) {
        StructLayout.Member m = layout.member(member);
        if (m.size() % 8 != 0 || index < 0 || index >= m.size() / 8) {
            throw new IllegalArgumentException("struct " + layout.name() + "." + member + " is " + m.size()
                    + " bytes: no 8-byte element " + index);
        }
        return bytes.getLong(base + m.offset() + index * 8);
    }

    /** Number of 8-byte elements of an array member. */
    public int u64Count(String member) {
        return layout.member(member).size() / 8;
    }

    public long s64(String member) {
        return bytes.getLong(at(member, 8));
    }

    /** An unsigned 32-bit member, widened without sign. */
    public long u32(String member) {
        return Integer.toUnsignedLong(bytes.getInt(at(member, 4)));
    }

    public int s32(String member) {
        return bytes.getInt(at(member, 4));
    }

    /** A NUL-terminated char array member (UTF-8; bytes after the first NUL ignored). */
    public String string(String member) {
        StructLayout.Member m = layout.member(member);
        int start = base + m.offset();
        int end = start;
        while (end < start + m.size() && bytes.get(end) != 0) {
            end++;
        }
        byte[] text = new byte[end - start];
        bytes.duplicate().position(start).get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private int at(String member, int width) {
        StructLayout.Member m = layout.member(member);
        if (m.size() != width) {
            throw new IllegalArgumentException("struct " + layout.name() + "." + member + " is " + m.size()
                    + " bytes, read as " + width);
        }
        return base + m.offset();
    }
}
