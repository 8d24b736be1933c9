package dev.frameloop.core.btf;

import java.util.List;
import java.util.Objects;

/**
 * One BTF type record, by kind. Type ids refer to other records of the same {@link Btf};
 * names are empty for anonymous types.
 */
public sealed interface BtfType {

    /** The record's kind. */
    BtfKind kind();

    /** The type's name, empty if anonymous or nameless by kind. */
    String name();

    /** Type id 0. */
    record VoidType() implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.VOID;
        }

        @Override
        public String name() {
            return "void";
        }
    }

    /**
     * {@code BTF_KIND_INT}.
     *
     * @param encoding  {@code BTF_INT_SIGNED} (1), {@code BTF_INT_CHAR} (2), {@code BTF_INT_BOOL} (4) bits
     * @param bitOffset offset of the value's bits inside the storage
     * @param bits      number of value bits
     */
    record IntType(String name, int size, int encoding, int bitOffset, int bits) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.INT;
        }
    }

    /** {@code BTF_KIND_PTR} to {@code type}. */
    record PtrType(int type) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.PTR;
        }

        @Override
        public String name() {
            return "";
        }
    }

    /** {@code BTF_KIND_ARRAY} of {@code length} elements of {@code elementType}. */
    record ArrayType(int elementType, int indexType, long length) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.ARRAY;
        }

        @Override
        public String name() {
            return "";
        }
    }

    /**
     * A struct or union member.
     *
     * @param bitOffset    offset of the member from the start of its struct, in bits
     * @param bitfieldSize size in bits of a bitfield member, 0 for a regular member
     */
    record Member(String name, int type, long bitOffset, int bitfieldSize) {
        /** Checks the name. */
        public Member {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code BTF_KIND_STRUCT} or {@code BTF_KIND_UNION}. */
    record StructType(BtfKind kind, String name, long size, List<Member> members) implements BtfType {
        /** Checks the kind and freezes the members. */
        public StructType {
            if (kind != BtfKind.STRUCT && kind != BtfKind.UNION) {
                throw new IllegalArgumentException("a struct type must be STRUCT or UNION, got " + kind);
            }
            members = List.copyOf(members);
        }
    }

    /** One enumerator of an enum. */
    record Enumerator(String name, long value) {
    }

    /** {@code BTF_KIND_ENUM} or {@code BTF_KIND_ENUM64}; values sign-extended when {@code signed}. */
    record EnumType(BtfKind kind, String name, long size, boolean signed, List<Enumerator> enumerators)
            implements BtfType {
        /** Checks the kind and freezes the enumerators. */
        public EnumType {
            if (kind != BtfKind.ENUM && kind != BtfKind.ENUM64) {
                throw new IllegalArgumentException("an enum type must be ENUM or ENUM64, got " + kind);
            }
            enumerators = List.copyOf(enumerators);
        }
    }

    /** {@code BTF_KIND_FWD}: a forward declaration of a struct or (if {@code union}) union. */
    record FwdType(String name, boolean union) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.FWD;
        }
    }

    /** TYPEDEF, VOLATILE, CONST, RESTRICT or TYPE_TAG: a named or qualified reference to {@code type}. */
    record RefType(BtfKind kind, String name, int type) implements BtfType {
        /** Checks the kind. */
        public RefType {
            if (kind != BtfKind.TYPEDEF && kind != BtfKind.VOLATILE && kind != BtfKind.CONST
                    && kind != BtfKind.RESTRICT && kind != BtfKind.TYPE_TAG) {
                throw new IllegalArgumentException("not a reference kind: " + kind);
            }
        }
    }

    /** {@code BTF_KIND_FUNC}: a function whose prototype is {@code type}. */
    record FuncType(String name, int type, int linkage) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.FUNC;
        }
    }

    /** A function parameter. */
    record Param(String name, int type) {
    }

    /** {@code BTF_KIND_FUNC_PROTO}. */
    record FuncProtoType(int returnType, List<Param> params) implements BtfType {
        /** Freezes the parameters. */
        public FuncProtoType {
            params = List.copyOf(params);
        }

        @Override
        public BtfKind kind() {
            return BtfKind.FUNC_PROTO;
        }

        @Override
        public String name() {
            return "";
        }
    }

    /** {@code BTF_KIND_VAR}: a global variable of {@code type}. */
    record VarType(String name, int type, int linkage) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.VAR;
        }
    }

    /** A variable's place in a data section. */
    record SectionVar(int type, long offset, long size) {
    }

    /** {@code BTF_KIND_DATASEC}: an ELF data section and the variables in it. */
    record DataSecType(String name, long size, List<SectionVar> vars) implements BtfType {
        /** Freezes the variables. */
        public DataSecType {
            vars = List.copyOf(vars);
        }

        @Override
        public BtfKind kind() {
            return BtfKind.DATASEC;
        }
    }

    /** {@code BTF_KIND_FLOAT}. */
    record FloatType(String name, int size) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.FLOAT;
        }
    }

    /** {@code BTF_KIND_DECL_TAG} on {@code type} (member/parameter {@code componentIndex}, or -1). */
    record DeclTagType(String name, int type, int componentIndex) implements BtfType {
        @Override
        public BtfKind kind() {
            return BtfKind.DECL_TAG;
        }
    }
}
