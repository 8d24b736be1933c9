package dev.frameloop.core.event;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A C struct as Java expects it: its name, size and every member (padding included), in
 * offset order. The layout check compares it with the struct of the same name in BTF.
 *
 * @param name   the C struct name (without {@code struct})
 * @param size   {@code sizeof} the struct
 * @param fields every member, in increasing offset order, none overlapping
 */
public record StructLayout(String name, int size, List<FieldLayout> fields) {

    /** Checks that the fields are ordered, distinct, non-overlapping and inside the struct. */
    public StructLayout {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (size <= 0) {
            throw new IllegalArgumentException(name + ": size must be > 0, got " + size);
        }
        Set<String> names = new HashSet<>();
        int end = 0;
        for (FieldLayout field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException(name + ": field " + field.name() + " appears twice");
            }
            if (field.offset() < end) {
                throw new IllegalArgumentException(name + "." + field.name() + ": offset " + field.offset()
                        + " overlaps the previous field, which ends at " + end);
            }
            end = field.end();
        }
        if (end > size) {
            throw new IllegalArgumentException(name + ": fields end at " + end + ", after the struct size " + size);
        }
    }
}
