package dev.frameloop.collector.bpf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The {@code const volatile} globals of an opened, not yet loaded object ({@code .rodata}), written by
 * name before load: the programs then see them as constants. Locations come from the object's BTF, so a
 * renamed or resized variable fails here, naming it, instead of writing the wrong bytes.
 *
 * <p>A view of libbpf's copy of the section: valid until the object is loaded or closed.
 */
public final class Rodata {
    /** The data section these globals live in. */
    public static final String SECTION = ".rodata";

    private final BpfObject object;
    private final ObjectBtf btf;
    private final ByteBuffer data;

    private Rodata(BpfObject object, ObjectBtf btf, ByteBuffer data) {
        this.object = object;
        this.btf = btf;
        this.data = data;
    }

    /** The .rodata of object, which must be open and not loaded. */
    public static Rodata of(BpfObject object) {
        return new Rodata(object, object.btf(), object.map(SECTION).initialValue());
    }

    /** Sets an 8-bit variable, or element index of an array of them. */
    public void setU8(String name, int index, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + "[" + index + "]: " + value + " does not fit in 8 bits");
        }
        data.put(at(name, index, 1), (byte) value);
    }

    /** Sets a 32-bit variable. */
    public void setU32(String name, long value) {
        setU32(name, 0, value);
    }

    /** Sets element index of an array of 32-bit values (index 0 for a plain variable). */
    public void setU32(String name, int index, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + "[" + index + "]: " + value + " does not fit in 32 bits");
        }
        data.putInt(at(name, index, 4), (int) value);
    }

    /** Sets a 64-bit variable. */
    public void setU64(String name, long value) {
        setU64(name, 0, value);
    }

    /** Sets element index of an array of 64-bit values (index 0 for a plain variable). */
    public void setU64(String name, int index, long value) {
        data.putLong(at(name, index, 8), value);
    }

    /**
     * Sets element index of an array of fixed-size strings ({@code char name[N][width]}): the text, then NULs.
     *
     * @throws IllegalArgumentException when the text (plus its NUL) does not fit in width bytes
     */
    public void setString(String name, int index, int width, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= width) {
            throw new IllegalArgumentException(name + "[" + index + "]: '" + text + "' is " + bytes.length
                    + " bytes; at most " + (width - 1) + " fit");
        }
        int at = at(name, index, width);
        for (int i = 0; i < width; i++) {
            data.put(at + i, i < bytes.length ? bytes[i] : 0);
        }
    }

    /** Element index of an array of fixed-size strings: its bytes up to the first NUL. */
    public String getString(String name, int index, int width) {
        int at = at(name, index, width);
        int end = at;
        while (end < at + width && data.get(end) != 0) {
            end++;
        }
        byte[] text = new byte[end - at];
        data.duplicate().position(at).get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Number of elements of width bytes in variable name. */
    public int count(String name, int width) {
        return btf.global(SECTION, name).size() / width;
    }

    /** Byte position of element index (of width bytes) of variable name, checked against its BTF size. */
    private int at(String name, int index, int width) {
        object.requireNotLoaded("writing " + SECTION + " variable " + name);
        ObjectBtf.GlobalVariable v = btf.global(SECTION, name);
        if (v.size() % width != 0) {
            throw new IllegalArgumentException(SECTION + " variable " + name + " is " + v.size()
                    + " bytes, not a whole number of " + width + "-byte elements");
        }
        int count = v.size() / width;
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(SECTION + " variable " + name + " has " + count + " elements of "
                    + width + " bytes; no element " + index);
        }
        return v.offset() + index * width;
    }
}
