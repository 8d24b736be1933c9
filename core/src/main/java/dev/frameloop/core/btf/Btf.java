package dev.frameloop.core.btf;

import dev.frameloop.core.elf.ElfFile;
import dev.frameloop.core.elf.ElfFormatException;

import dev.frameloop.core.btf.BtfType.ArrayType;
import dev.frameloop.core.btf.BtfType.DataSecType;
import dev.frameloop.core.btf.BtfType.DeclTagType;
import dev.frameloop.core.btf.BtfType.EnumType;
import dev.frameloop.core.btf.BtfType.Enumerator;
import dev.frameloop.core.btf.BtfType.FloatType;
import dev.frameloop.core.btf.BtfType.FuncProtoType;
import dev.frameloop.core.btf.BtfType.FuncType;
import dev.frameloop.core.btf.BtfType.FwdType;
import dev.frameloop.core.btf.BtfType.IntType;
import dev.frameloop.core.btf.BtfType.Member;
import dev.frameloop.core.btf.BtfType.Param;
import dev.frameloop.core.btf.BtfType.PtrType;
import dev.frameloop.core.btf.BtfType.RefType;
import dev.frameloop.core.btf.BtfType.SectionVar;
import dev.frameloop.core.btf.BtfType.StructType;
import dev.frameloop.core.btf.BtfType.VarType;
import dev.frameloop.core.btf.BtfType.VoidType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The type table of one BTF blob (the {@code .BTF} section of a BPF object), parsed from
 * bytes: header, type section, string section, every kind up to {@code ENUM64}. Immutable.
 *
 * <pre>
 * header:  u16 magic 0xEB9F | u8 version 1 | u8 flags | u32 hdr_len
 *          u32 type_off | u32 type_len | u32 str_off | u32 str_len   (offsets after the header)
 * type:    u32 name_off | u32 info (vlen 0..15, kind 24..28, kind_flag 31) | u32 size or type
 *          followed by kind-specific data (members, enumerators, array, params, ...)
 * </pre>
 */
public final class Btf {
    /** {@code BTF_MAGIC}, read little-endian. */
    public static final int MAGIC = 0xEB9F;
    /** Size of a pointer on the BPF target. */
    public static final int POINTER_SIZE = 8;

    private static final int MIN_HEADER_LENGTH = 24;
    private static final int TYPE_RECORD_LENGTH = 12;
    private static final int MAX_RESOLVE_DEPTH = 64;

    private final List<BtfType> types;

    private Btf(List<BtfType> types) {
        this.types = List.copyOf(types);
    }

    /**
     * Parses the {@code .BTF} section of an ELF object.
     *
     * @throws BtfFormatException if the object is malformed or has no {@code .BTF} section
     */
    public static Btf fromElf(byte[] elf) {
        ByteBuffer section;
        try {
            section = ElfFile.section(ByteBuffer.wrap(elf), ".BTF")
                    .orElseThrow(() -> new BtfFormatException("the object has no .BTF section (compile with -g, strip with -g only)"));
        } catch (ElfFormatException e) {
            throw new BtfFormatException(e.getMessage());
        }
        return parse(section);
    }

    /**
     * Parses a raw BTF blob (little-endian).
     *
     * @throws BtfFormatException if the blob is malformed
     */
    public static Btf parse(ByteBuffer blob) {
        ByteBuffer b = blob.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < MIN_HEADER_LENGTH) {
            throw new BtfFormatException("BTF blob of " + b.limit() + " bytes is shorter than its header");
        }
        int magic = Short.toUnsignedInt(b.getShort(0));
        if (magic != MAGIC) {
            throw new BtfFormatException(String.format("bad BTF magic 0x%04x (want 0x%04x, little-endian)", magic, MAGIC));
        }
        int version = Byte.toUnsignedInt(b.get(2));
        if (version != 1) {
            throw new BtfFormatException("unsupported BTF version " + version);
        }
        long headerLength = Integer.toUnsignedLong(b.getInt(4));
        long typeOff = Integer.toUnsignedLong(b.getInt(8));
        long typeLen = Integer.toUnsignedLong(b.getInt(12));
        long strOff = Integer.toUnsignedLong(b.getInt(16));
        long strLen = Integer.toUnsignedLong(b.getInt(20));
        if (headerLength < MIN_HEADER_LENGTH) {
            throw new BtfFormatException("BTF header length " + headerLength + " < " + MIN_HEADER_LENGTH);
        }
        ByteBuffer typeSection = region(b, headerLength + typeOff, typeLen, "type section");
        ByteBuffer strings = region(b, headerLength + strOff, strLen, "string section");
        return new Btf(parseTypes(typeSection, strings));
    }

    /** Number of type ids, {@code void} (id 0) included. */
    public int typeCount() {
        return types.size();
    }

    /**
     * The type with this id (0 is {@code void}).
     *
     * @throws BtfFormatException if no type has this id
     */
    public BtfType type(int id) {
        if (id < 0 || id >= types.size()) {
            throw new BtfFormatException("type id " + id + " out of range (" + types.size() + " types)");
        }
        return types.get(id);
    }

    /** Every type, indexed by id (index 0 is {@code void}). */
    public List<BtfType> types() {
        return types;
    }

    /** The first struct or union named {@code name} (typedefs not followed). */
    public Optional<StructType> findStruct(String name) {
        for (BtfType type : types) {
            if (type instanceof StructType struct && struct.name().equals(name)) {
                return Optional.of(struct);
            }
        }
        return Optional.empty();
    }

    /** The first enum (32- or 64-bit) named {@code name}. */
    public Optional<EnumType> findEnum(String name) {
        for (BtfType type : types) {
            if (type instanceof EnumType enumType && enumType.name().equals(name)) {
                return Optional.of(enumType);
            }
        }
        return Optional.empty();
    }

    /**
     * Size in bytes of a type, following typedefs, qualifiers and type tags; arrays are
     * element size times length; pointers are {@link #POINTER_SIZE}.
     *
     * @throws BtfFormatException for types without a size (void, functions, forward
     *                            declarations) or reference cycles
     */
    public long sizeOf(int typeId) {
        int id = typeId;
        long multiplier = 1;
        for (int depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
            BtfType type = type(id);
            if (type instanceof IntType t) {
                return multiplier * t.size();
            } else if (type instanceof StructType t) {
                return multiplier * t.size();
            } else if (type instanceof EnumType t) {
                return multiplier * t.size();
            } else if (type instanceof FloatType t) {
                return multiplier * t.size();
            } else if (type instanceof DataSecType t) {
                return multiplier * t.size();
            } else if (type instanceof PtrType) {
                return multiplier * POINTER_SIZE;
            } else if (type instanceof ArrayType t) {
                multiplier *= t.length();
                id = t.elementType();
            } else if (type instanceof RefType t) {
                id = t.type();
            } else {
                throw new BtfFormatException("type id " + typeId + " resolves to " + type.kind() + " '" + type.name()
                        + "', which has no size");
            }
        }
        throw new BtfFormatException("type id " + typeId + " does not resolve within " + MAX_RESOLVE_DEPTH + " steps");
    }

    private static ByteBuffer region(ByteBuffer b, long offset, long length, String what) {
        if (offset + length > b.limit()) {
            throw new BtfFormatException("BTF " + what + " [" + offset + ", " + (offset + length)
                    + ") lies outside the " + b.limit() + "-byte blob");
        }
        return b.slice((int) offset, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static List<BtfType> parseTypes(ByteBuffer t, ByteBuffer strings) {
        List<BtfType> types = new ArrayList<>();
        types.add(new VoidType());
        int pos = 0;
        while (pos < t.limit()) {
            need(t, pos, TYPE_RECORD_LENGTH, types.size());
            String name = string(strings, t.getInt(pos));
            int info = t.getInt(pos + 4);
            int sizeOrType = t.getInt(pos + 8);
            pos += TYPE_RECORD_LENGTH;
            int vlen = info & 0xFFFF;
            boolean kindFlag = info < 0;
            BtfKind kind = BtfKind.fromCode((info >>> 24) & 0x1F);
            int id = types.size();
            switch (kind) {
                case INT: {
                    need(t, pos, 4, id);
                    int data = t.getInt(pos);
                    pos += 4;
                    types.add(new IntType(name, sizeOrType, (data >>> 24) & 0x0F, (data >>> 16) & 0xFF, data & 0xFF));
                    break;
                }
                case PTR:
                    types.add(new PtrType(sizeOrType));
                    break;
                case ARRAY: {
                    need(t, pos, 12, id);
                    types.add(new ArrayType(t.getInt(pos), t.getInt(pos + 4), Integer.toUnsignedLong(t.getInt(pos + 8))));
                    pos += 12;
                    break;
                }
                case STRUCT:
                case UNION: {
                    need(t, pos, 12L * vlen, id);
                    List<Member> members = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, pos += 12) {
                        int offset = t.getInt(pos + 8);
                        long bitOffset = kindFlag ? offset & 0xFFFFFF : Integer.toUnsignedLong(offset);
                        int bitfieldSize = kindFlag ? offset >>> 24 : 0;
                        members.add(new Member(string(strings, t.getInt(pos)), t.getInt(pos + 4), bitOffset, bitfieldSize));
                    }
                    types.add(new StructType(kind, name, Integer.toUnsignedLong(sizeOrType), members));
                    break;
                }
                case ENUM: {
                    need(t, pos, 8L * vlen, id);
                    List<Enumerator> values = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, pos += 8) {
                        int raw = t.getInt(pos + 4);
                        values.add(new Enumerator(string(strings, t.getInt(pos)),
                                kindFlag ? raw : Integer.toUnsignedLong(raw)));
                    }
                    types.add(new EnumType(kind, name, Integer.toUnsignedLong(sizeOrType), kindFlag, values));
                    break;
                }
                case ENUM64: {
                    need(t, pos, 12L * vlen, id);
                    List<Enumerator> values = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, pos += 12) {
                        long value = Integer.toUnsignedLong(t.getInt(pos + 4)) | ((long) t.getInt(pos + 8) << 32);
                        values.add(new Enumerator(string(strings, t.getInt(pos)), value));
                    }
                    types.add(new EnumType(kind, name, Integer.toUnsignedLong(sizeOrType), kindFlag, values));
                    break;
                }
                case FWD:
                    types.add(new FwdType(name, kindFlag));
                    break;
                case TYPEDEF:
                case VOLATILE:
                case CONST:
                case RESTRICT:
                case TYPE_TAG:
                    types.add(new RefType(kind, name, sizeOrType));
                    break;
                case FUNC:
                    types.add(new FuncType(name, sizeOrType, vlen));
                    break;
                case FUNC_PROTO: {
                    need(t, pos, 8L * vlen, id);
                    List<Param> params = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, pos += 8) {
                        params.add(new Param(string(strings, t.getInt(pos)), t.getInt(pos + 4)));
                    }
                    types.add(new FuncProtoType(sizeOrType, params));
                    break;
                }
                case VAR: {
                    need(t, pos, 4, id);
                    types.add(new VarType(name, sizeOrType, t.getInt(pos)));
                    pos += 4;
                    break;
                }
                case DATASEC: {
                    need(t, pos, 12L * vlen, id);
                    List<SectionVar> vars = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, pos += 12) {
                        vars.add(new SectionVar(t.getInt(pos), Integer.toUnsignedLong(t.getInt(pos + 4)),
                                Integer.toUnsignedLong(t.getInt(pos + 8))));
                    }
                    types.add(new DataSecType(name, Integer.toUnsignedLong(sizeOrType), vars));
                    break;
                }
                case FLOAT:
                    types.add(new FloatType(name, sizeOrType));
                    break;
                case DECL_TAG: {
                    need(t, pos, 4, id);
                    types.add(new DeclTagType(name, sizeOrType, t.getInt(pos)));
                    pos += 4;
                    break;
                }
                default:
                    throw new BtfFormatException("type id " + id + ": unexpected kind " + kind);
            }
        }
        return types;
    }

    private static void need(ByteBuffer t, int pos, long length, int id) {
        if (pos + length > t.limit()) {
            throw new BtfFormatException("type id " + id + " is truncated: needs " + length + " bytes at offset "
                    + pos + " of a " + t.limit() + "-byte type section");
        }
    }

    private static String string(ByteBuffer strings, int offset) {
        if (offset < 0 || offset >= strings.limit()) {
            throw new BtfFormatException("string offset " + Integer.toUnsignedLong(offset) + " outside the "
                    + strings.limit() + "-byte string section");
        }
        int end = offset;
        while (end < strings.limit() && strings.get(end) != 0) {
            end++;
        }
        if (end == strings.limit()) {
            throw new BtfFormatException("string at offset " + offset + " is not NUL-terminated");
        }
        byte[] bytes = new byte[end - offset];
        strings.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
