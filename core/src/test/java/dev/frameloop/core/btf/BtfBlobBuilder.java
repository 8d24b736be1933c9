package dev.frameloop.core.btf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes BTF blobs type by type, for tests: ids are returned in order, starting at 1. */
final class BtfBlobBuilder {
    private final ByteArrayOutputStream types = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> stringOffsets = new LinkedHashMap<>();
    private int nextId = 1;

    BtfBlobBuilder() {
        strings.write(0);
        stringOffsets.put("", 0);
    }

    int intType(String name, int size, int encoding, int bits) {
        return add(name, BtfKind.INT, false, 0, size, (encoding << 24) | bits);
    }

    int ptr(int type) {
        return add("", BtfKind.PTR, false, 0, type);
    }

    int array(int elementType, int indexType, int length) {
        return add("", BtfKind.ARRAY, false, 0, 0, elementType, indexType, length);
    }

    /** members: name, type, bit offset triples. */
    int struct(String name, int size, Object... members) {
        return composite(BtfKind.STRUCT, name, size, members);
    }

    int union(String name, int size, Object... members) {
        return composite(BtfKind.UNION, name, size, members);
    }

    /** A struct whose members carry bitfield sizes: name, type, bit offset, bitfield size quadruples. */
    int bitfieldStruct(String name, int size, Object... members) {
        int[] words = new int[members.length / 4 * 3];
        for (int i = 0, w = 0; i < members.length; i += 4) {
            words[w++] = string((String) members[i]);
            words[w++] = (Integer) members[i + 1];
            words[w++] = ((Integer) members[i + 3] << 24) | (Integer) members[i + 2];
        }
        return add(name, BtfKind.STRUCT, true, members.length / 4, size, words);
    }

    /** enumerators: name, value pairs. */
    int enum32(String name, boolean signed, Object... enumerators) {
        int[] words = new int[enumerators.length];
        for (int i = 0; i < enumerators.length; i += 2) {
            words[i] = string((String) enumerators[i]);
            words[i + 1] = ((Number) enumerators[i + 1]).intValue();
        }
        return add(name, BtfKind.ENUM, signed, enumerators.length / 2, 4, words);
    }

    int enum64(String name, Object... enumerators) {
        int[] words = new int[enumerators.length / 2 * 3];
        for (int i = 0, w = 0; i < enumerators.length; i += 2) {
            long value = ((Number) enumerators[i + 1]).longValue();
            words[w++] = string((String) enumerators[i]);
            words[w++] = (int) value;
            words[w++] = (int) (value >>> 32);
        }
        return add(name, BtfKind.ENUM64, false, enumerators.length / 2, 8, words);
    }

    int fwd(String name, boolean union) {
        return add(name, BtfKind.FWD, union, 0, 0);
    }

    int ref(BtfKind kind, String name, int type) {
        return add(name, kind, false, 0, type);
    }

    int func(String name, int proto, int linkage) {
        return add(name, BtfKind.FUNC, false, linkage, proto);
    }

    /** params: name, type pairs. */
    int funcProto(int returnType, Object... params) {
        int[] words = new int[params.length];
        for (int i = 0; i < params.length; i += 2) {
            words[i] = string((String) params[i]);
            words[i + 1] = (Integer) params[i + 1];
        }
        return add("", BtfKind.FUNC_PROTO, false, params.length / 2, returnType, words);
    }

    int var(String name, int type, int linkage) {
        return add(name, BtfKind.VAR, false, 0, type, linkage);
    }

    /** vars: type, offset, size triples. */
    int datasec(String name, int size, int... vars) {
        return add(name, BtfKind.DATASEC, false, vars.length / 3, size, vars);
    }

    int floatType(String name, int size) {
        return add(name, BtfKind.FLOAT, false, 0, size);
    }

    int declTag(String name, int type, int componentIndex) {
        return add(name, BtfKind.DECL_TAG, false, 0, type, componentIndex);
    }

    byte[] build() {
        byte[] typeBytes = types.toByteArray();
        byte[] stringBytes = strings.toByteArray();
        ByteBuffer blob = ByteBuffer.allocate(24 + typeBytes.length + stringBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        blob.putShort((short) Btf.MAGIC).put((byte) 1).put((byte) 0).putInt(24)
                .putInt(0).putInt(typeBytes.length).putInt(typeBytes.length).putInt(stringBytes.length)
                .put(typeBytes).put(stringBytes);
        return blob.array();
    }

    private int composite(BtfKind kind, String name, int size, Object... members) {
        int[] words = new int[members.length];
        for (int i = 0; i < members.length; i += 3) {
            words[i] = string((String) members[i]);
            words[i + 1] = (Integer) members[i + 1];
            words[i + 2] = (Integer) members[i + 2];
        }
        return add(name, kind, false, members.length / 3, size, words);
    }

    private int add(String name, BtfKind kind, boolean kindFlag, int vlen, int sizeOrType, int... extra) {
        ByteBuffer record = ByteBuffer.allocate(12 + 4 * extra.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(string(name)).putInt((kindFlag ? 1 << 31 : 0) | (kind.code() << 24) | vlen).putInt(sizeOrType);
        for (int word : extra) {
            record.putInt(word);
        }
        types.writeBytes(record.array());
        return nextId++;
    }

    private int string(String value) {
        return stringOffsets.computeIfAbsent(value, v -> {
            int offset = strings.size();
            strings.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            strings.write(0);
            return offset;
        });
    }
}
