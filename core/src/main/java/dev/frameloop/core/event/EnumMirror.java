package dev.frameloop.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What Java expects a C enum of the wire format to contain: the enum's name and each
 * enumerator's name and value. The layout check compares it with the enum in BTF.
 *
 * @param name        the C enum name (without {@code enum})
 * @param enumerators C enumerator name to value, in declaration order
 */
public record EnumMirror(String name, Map<String, Long> enumerators) {

    /** Checks the components and freezes the map (keeping its order). */
    public EnumMirror {
        Objects.requireNonNull(name, "name");
        if (enumerators.isEmpty()) {
            throw new IllegalArgumentException("enum " + name + " must have enumerators");
        }
        enumerators = Collections.unmodifiableMap(new LinkedHashMap<>(enumerators));
    }

    /**
     * Mirror of a C enum whose enumerators are {@code prefix + constant.name()} with the value
     * {@link WireEnum#code()}.
     */
    public static <E extends Enum<E> & WireEnum> EnumMirror of(String name, String prefix, E[] constants) {
        Map<String, Long> enumerators = new LinkedHashMap<>();
        for (E constant : constants) {
            enumerators.put(prefix + constant.name(), (long) constant.code());
        }
        return new EnumMirror(name, enumerators);
    }
}
