package dev.frameloop.core.event;

/** A Java enum whose constants mirror the enumerators of a C enum of the wire format. */
public interface WireEnum {

    /** The value the C enumerator has, as stored in event fields. */
    int code();
}
