package dev.frameloop.core.btf;

/** The bytes are not a well-formed ELF object or BTF blob (or use a feature not supported). */
public final class BtfFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message saying what is wrong and where. */
    public BtfFormatException(String message) {
        super(message);
    }
}
