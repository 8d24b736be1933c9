package dev.frameloop.collector.bpf;

import com.sun.jna.Pointer;
import dev.frameloop.collector.jna.LibBpf;

import java.util.ArrayList;
import java.util.List;

/**
 * The BTF of a BPF object, read through libbpf: where a global variable sits in its data section and
 * the layout of a struct, both by name. Userspace reads what the BPF side wrote at the offsets the
 * compiler chose, so C structs never need a hand-kept Java copy of their layout.
 *
 * <p>A view: valid while its {@link BpfObject} is open.
 */
public final class ObjectBtf {
    // enum btf_kind values (uapi/linux/btf.h)
    static final int KIND_INT = 1;
    static final int KIND_PTR = 2;
    static final int KIND_ARRAY = 3;
    static final int KIND_STRUCT = 4;
    static final int KIND_UNION = 5;
    static final int KIND_ENUM = 6;
    static final int KIND_TYPEDEF = 8;
    static final int KIND_VOLATILE = 9;
    static final int KIND_CONST = 10;
    static final int KIND_RESTRICT = 11;
    static final int KIND_VAR = 14;
    static final int KIND_DATASEC = 15;
    static final int KIND_TYPE_TAG = 18;

    /** sizeof(struct btf_type): name_off, info, size/type. */
    private static final int TYPE_HEADER = 12;
    /** sizeof(struct btf_member) and sizeof(struct btf_var_secinfo): three u32. */
    private static final int ENTRY = 12;

    private final BpfObject owner;
    private final Pointer btf;

    ObjectBtf(BpfObject owner, Pointer btf) {
        this.owner = owner;
        this.btf = btf;
    }

    /** A global variable: its data section, offset and size in it, and its BTF type. */
    public record GlobalVariable(String section, String name, int offset, int size, int typeId) {
    }

    /**
     * Finds variable {@code name} in data section {@code section} (".bss", ".data", ".rodata").
     *
     * @throws IllegalArgumentException when the section or the variable does not exist
     */
    public GlobalVariable global(String section, String name) {
        owner.handle();
        int secId = LibBpf.btf__find_by_name_kind(btf, section, KIND_DATASEC);
        if (secId < 0) {
            throw new IllegalArgumentException(owner.name() + ".bpf.o has no data section " + section);
        }
        Pointer sec = type(secId);
        int vlen = vlen(sec);
        for (int i = 0; i < vlen; i++) {
            long at = TYPE_HEADER + (long) i * ENTRY;
            int varId = sec.getInt(at);
            Pointer var = type(varId);
            if (name.equals(nameOf(var))) {
                return new GlobalVariable(section, name, sec.getInt(at + 4), sec.getInt(at + 8), var.getInt(8));
            }
        }
        throw new IllegalArgumentException(owner.name() + ".bpf.o has no variable " + name + " in " + section);
    }

    /** The layout of the struct a type id names (through typedefs and qualifiers). */
    public StructLayout struct(int typeId) {
        owner.handle();
        int id = skipModifiers(typeId);
        Pointer t = type(id);
        if (kind(t) != KIND_STRUCT) {
            throw new IllegalArgumentException("BTF type " + typeId + " of " + owner.name() + ".bpf.o is not a struct");
        }
        boolean bitfieldEncoding = (t.getInt(4) >>> 31) != 0;
        List<StructLayout.Member> members = new ArrayList<>();
        int vlen = vlen(t);
        for (int i = 0; i < vlen; i++) {
            long at = TYPE_HEADER + (long) i * ENTRY;
            String memberName = LibBpf.btf__name_by_offset(btf, t.getInt(at));
            int memberType = t.getInt(at + 4);
            int offset = t.getInt(at + 8);
            int bitOffset = bitfieldEncoding ? offset & 0xffffff : offset;
            int bitSize = bitfieldEncoding ? offset >>> 24 : 0;
            if (bitSize != 0 || bitOffset % 8 != 0) {
                throw new IllegalArgumentException("struct " + nameOf(t) + "." + memberName + " is a bitfield; not supported");
            }
            long size = LibBpf.btf__resolve_size(btf, memberType);
            if (size < 0) {
                throw new IllegalStateException("cannot size struct " + nameOf(t) + "." + memberName + ": " + size);
            }
            members.add(new StructLayout.Member(memberName == null ? "" : memberName, bitOffset / 8, (int) size));
        }
        return new StructLayout(nameOf(t), t.getInt(8), members);
    }

    /** The layout of {@code struct name}. */
    public StructLayout struct(String name) {
        int id = LibBpf.btf__find_by_name_kind(btf, name, KIND_STRUCT);
        if (id < 0) {
            throw new IllegalArgumentException(owner.name() + ".bpf.o has no struct " + name);
        }
        return struct(id);
    }

    private int skipModifiers(int typeId) {
        int id = typeId;
        for (int depth = 0; depth < 32; depth++) {
            Pointer t = type(id);
            int kind = kind(t);
            if (kind == KIND_TYPEDEF || kind == KIND_VOLATILE || kind == KIND_CONST
                    || kind == KIND_RESTRICT || kind == KIND_TYPE_TAG) {
                id = t.getInt(8);
            } else {
                return id;
            }
        }
        throw new IllegalStateException("BTF type " + typeId + " of " + owner.name() + ".bpf.o: modifier chain too long");
    }

    private Pointer type(int id) {
        Pointer t = LibBpf.btf__type_by_id(btf, id);
        if (t == null) {
            throw new IllegalStateException(owner.name() + ".bpf.o: no BTF type " + id);
        }
        return t;
    }

    private String nameOf(Pointer t) {
        String n = LibBpf.btf__name_by_offset(btf, t.getInt(0));
        return n == null ? "" : n;
    }

    private static int kind(Pointer t) {
        return (t.getInt(4) >>> 24) & 0x1f;
    }

    private static int vlen(Pointer t) {
        return t.getInt(4) & 0xffff;
    }
}
