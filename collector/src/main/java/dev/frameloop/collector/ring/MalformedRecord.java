package dev.frameloop.collector.ring;

/** Why {@link EventDispatcher} could not decode a record. */
public enum MalformedRecord {
    /** Shorter than the common event header. */
    TOO_SHORT,
    /** {@code header.type} is not a type this build knows. */
    UNKNOWN_TYPE,
    /** {@code header.version} is not the layout version this build reads for the type. */
    UNKNOWN_VERSION,
    /** {@code header.size} differs from the type's size, or the record is shorter than it. */
    WRONG_SIZE
}
