package dev.frameloop.core.elf;

/** The bytes are not a well-formed 64-bit little-endian ELF file; the message says what is wrong and where. */
public final class ElfFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String message) {
        super(message);
    }
}
