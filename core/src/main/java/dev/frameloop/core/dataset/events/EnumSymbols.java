package dev.frameloop.core.dataset.events;

import org.apache.parquet.io.api.Binary;

import java.nio.charset.StandardCharsets;

/**
 * The Parquet value of each constant of an enum, as an Avro enum column stores it (the symbol's
 * name in UTF-8), made once so that writing a row allocates nothing.
 *
 * @param <E> the enum
 */
final class EnumSymbols<E extends Enum<E>> {
    private final Binary[] byOrdinal;

    EnumSymbols(Class<E> type) {
        E[] constants = type.getEnumConstants();
        byOrdinal = new Binary[constants.length];
        for (E constant : constants) {
            byOrdinal[constant.ordinal()] =
                    Binary.fromConstantByteArray(constant.name().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The stored value of {@code constant}. */
    Binary of(E constant) {
        return byOrdinal[constant.ordinal()];
    }
}
