package dev.frameloop.core.btf;

/** The kinds of BTF type records ({@code BTF_KIND_*} of {@code linux/btf.h}), by wire value. */
public enum BtfKind {
    /** Type id 0: {@code void}; never on the wire. */
    VOID(0),
    /** {@code BTF_KIND_INT}. */
    INT(1),
    /** {@code BTF_KIND_PTR}. */
    PTR(2),
    /** {@code BTF_KIND_ARRAY}. */
    ARRAY(3),
    /** {@code BTF_KIND_STRUCT}. */
    STRUCT(4),
    /** {@code BTF_KIND_UNION}. */
    UNION(5),
    /** {@code BTF_KIND_ENUM} (32-bit values). */
    ENUM(6),
    /** {@code BTF_KIND_FWD}. */
    FWD(7),
    /** {@code BTF_KIND_TYPEDEF}. */
    TYPEDEF(8),
    /** {@code BTF_KIND_VOLATILE}. */
    VOLATILE(9),
    /** {@code BTF_KIND_CONST}. */
    CONST(10),
    /** {@code BTF_KIND_RESTRICT}. */
    RESTRICT(11),
    /** {@code BTF_KIND_FUNC}. */
    FUNC(12),
    /** {@code BTF_KIND_FUNC_PROTO}. */
    FUNC_PROTO(13),
    /** {@code BTF_KIND_VAR}. */
    VAR(14),
    /** {@code BTF_KIND_DATASEC}. */
    DATASEC(15),
    /** {@code BTF_KIND_FLOAT}. */
    FLOAT(16),
    /** {@code BTF_KIND_DECL_TAG}. */
    DECL_TAG(17),
    /** {@code BTF_KIND_TYPE_TAG}. */
    TYPE_TAG(18),
    /** {@code BTF_KIND_ENUM64} (64-bit values). */
    ENUM64(19);

    private static final BtfKind[] BY_CODE = values();

    private final int code;

    BtfKind(int code) {
        this.code = code;
    }

    /** The value in bits 24..28 of {@code btf_type.info}. */
    public int code() {
        return code;
    }

    /**
     * The kind with this wire value.
     *
     * @throws BtfFormatException for a kind this reader does not know
     */
    public static BtfKind fromCode(int code) {
        if (code <= 0 || code >= BY_CODE.length) {
            throw new BtfFormatException("unknown BTF kind " + code);
        }
        return BY_CODE[code];
    }
}
