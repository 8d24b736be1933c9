package dev.frameloop.core.event;

import java.util.Objects;

/**
 * One member of a C struct as Java expects it: name (as in C), byte offset and size.
 *
 * @param name   the C member name
 * @param offset byte offset from the start of the struct
 * @param size   size in bytes (arrays: the whole array; a flexible array member: 0)
 */
public record FieldLayout(String name, int offset, int size) {

    /** Checks the invariants. */
    public FieldLayout {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("field name must not be empty");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("field " + name + ": offset must be >= 0, got " + offset);
        }
        if (size < 0) {
            throw new IllegalArgumentException("field " + name + ": size must be >= 0, got " + size);
        }
    }

    /** First byte after the field. */
    public int end() {
        return offset + size;
    }
}
